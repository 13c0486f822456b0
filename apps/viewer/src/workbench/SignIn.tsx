import { useState } from "preact/hooks";
import { ApiError, type Session, type WorkbenchApi } from "./api.js";
import { useWorkbenchI18n } from "./i18n.js";
import { Alert } from "./Notices.js";
import { KeyFileError, type MemberKey, memberKeyFromFile } from "./keyFile.js";

/**
 * Sign-in by key: the key file `rapk keygen` wrote is read in the page, the server's one-time
 * challenge is signed with it, and the signature (never the key) is sent. The key stays in the
 * page's memory, to sign the member's steps, until they sign out or leave the page.
 */
export function SignIn({ api, open, onSignedIn }: { api: WorkbenchApi; open: Session | null; onSignedIn: (session: Session, key: MemberKey) => void }) {
  const { w } = useWorkbenchI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (file === null) {
      setError(w.needKey);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const key = await memberKeyFromFile(file);
      // The page was reloaded in an open session: its key comes back, the session stays.
      if (open !== null && open.publicKey === key.publicKey) {
        onSignedIn(open, key);
        return;
      }
      const challenge = await api.challenge();
      const session = await api.signIn({ challenge: challenge.challenge, publicKey: key.publicKey, signature: await key.sign(challenge.message) });
      onSignedIn(session, key);
    } catch (caught) {
      setError(problemText(caught, w));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="wb-card wb-sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{w.signInTitle}</h2>
      <p class="hint">{w.signInHint}</p>
      {open !== null && <p class="wb-landed">{w.keyStale(open.name)}</p>}
      <form onSubmit={submit}>
        <label class="wb-field">
          <span>{w.keyFile}</span>
          <input type="file" name="key" accept=".key,.json,application/json" onChange={(event) => setFile((event.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? w.signingIn : w.signIn}
        </button>
      </form>
      <Alert text={error} />
    </section>
  );
}

/** A refusal in the member's words: a key file's problem, or the server's code and message. */
export function problemText(caught: unknown, w: ReturnType<typeof useWorkbenchI18n>["w"]): string {
  if (caught instanceof KeyFileError) return { notJson: w.keyNotJson, notKeyFile: w.keyNotKeyFile, keyMismatch: w.keyMismatch }[caught.problem];
  if (caught instanceof ApiError) return w.refused(caught.code, caught.message);
  return caught instanceof Error ? caught.message : String(caught);
}
