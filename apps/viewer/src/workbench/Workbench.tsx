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
        {signedIn === null && <SignIn api={api} onSignedIn={(session, key) => setSignedIn({ session, key })} />}
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
