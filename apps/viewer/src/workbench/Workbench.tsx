import type { Language } from "@rapk/core";
import { useEffect, useState } from "preact/hooks";
import { LanguageSwitch } from "../components/LanguageSwitch.js";
import type { PlanRow, Session, WorkbenchApi } from "./api.js";
import { WorkbenchI18nProvider, useWorkbenchI18n } from "./i18n.js";
import type { MemberKey } from "./keyFile.js";
import { Alert } from "./Notices.js";
import { PlanList } from "./PlanList.js";
import { PlanView } from "./PlanView.js";
import { SignIn, problemText } from "./SignIn.js";

/**
 * The viewer as a workbench, when it talks to a server (`rapk serve`): sign in with a key, the
 * plans the member belongs to, and in a plan the monthly report form and the approvals inbox.
 */
export function Workbench({ api, initialLanguage = "id" }: { api: WorkbenchApi; initialLanguage?: Language }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <WorkbenchI18nProvider language={language}>
      <Bench api={api} onLanguage={setLanguage} />
    </WorkbenchI18nProvider>
  );
}

/** Whether this tab signed in (and did not sign out) before it was reloaded. */
const sessionMark = (() => {
  const KEY = "rapk-workbench-signed-in";
  const store = () => (typeof sessionStorage === "undefined" ? undefined : sessionStorage);
  return {
    read: () => store()?.getItem(KEY) === "1",
    set: () => store()?.setItem(KEY, "1"),
    clear: () => store()?.removeItem(KEY),
  };
})();

interface SignedIn {
  readonly session: Session;
  readonly key: MemberKey;
}

function Bench({ api, onLanguage }: { api: WorkbenchApi; onLanguage: (language: Language) => void }) {
  const { w } = useWorkbenchI18n();
  const [signedIn, setSignedIn] = useState<SignedIn | null>(null);
  const [plans, setPlans] = useState<readonly PlanRow[] | null>(null);
  const [open, setOpen] = useState<PlanRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A session the cookie still holds (the page reloaded): the member chooses their key again.
  const [openSession, setOpenSession] = useState<Session | null>(null);
  // Asked only after a sign-in in this tab (a mark in sessionStorage, no secret in it), so that a
  // first visit does not meet the server's 401.
  useEffect(() => {
    if (sessionMark.read()) api.session().then(setOpenSession, () => setOpenSession(null));
  }, []);
  const loadPlans = async () => {
    try {
      setPlans(await api.plans());
    } catch (caught) {
      setError(problemText(caught, w));
    }
  };
  useEffect(() => {
    if (signedIn !== null) void loadPlans();
  }, [signedIn]);
  const signOut = async () => {
    try {
      await api.signOut();
    } catch {
      // The session ends on the server in any case within its lifetime; the key leaves the page now.
    }
    setSignedIn(null);
    setOpenSession(null);
    sessionMark.clear();
    setPlans(null);
    setOpen(null);
  };
  const member = open && signedIn ? signedIn.session.plans.find((p) => p.plan === open.plan) : undefined;
  return (
    <>
      <header class="app-header">
        <div>
          <h1>{w.title}</h1>
          <p class="subtitle">{w.subtitle}</p>
        </div>
        <div class="controls">
          {signedIn && (
            <>
              <span class="wb-who">{w.signedInAs(signedIn.session.name, signedIn.key.publicKey.slice(0, 16))}</span>
              <button type="button" onClick={() => void signOut()}>
                {w.signOut}
              </button>
            </>
          )}
          <a class="wb-viewer-link" href="./">
            {w.viewerLink}
          </a>
          <LanguageSwitch onChange={onLanguage} />
        </div>
      </header>
      <main class="wb-main">
        <Alert text={error} />
        {signedIn === null && <SignIn api={api} open={openSession} onSignedIn={(session, key) => {
              sessionMark.set();
              setSignedIn({ session, key });
            }} />}
        {signedIn !== null && open === null && (plans === null ? <p role="status">{w.loading}</p> : <PlanList plans={plans} onOpen={setOpen} />)}
        {signedIn !== null && open !== null && (
          <PlanView
            api={api}
            plan={open}
            role={member?.role ?? open.role}
            member={member?.member ?? ""}
            memberKey={signedIn.key}
            onBack={() => {
              setOpen(null);
              void loadPlans();
            }}
          />
        )}
      </main>
    </>
  );
}
