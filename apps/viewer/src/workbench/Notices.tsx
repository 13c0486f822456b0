import { ApiError } from "./api.js";
import { useWorkbenchI18n } from "./i18n.js";

/** A refusal or failure, announced: nothing was done. */
export function Alert({ text }: { text: string | null }) {
  if (text === null) return null;
  return (
    <p role="alert" class="wb-error">
      {text}
    </p>
  );
}

/** How a step ended: it landed (what it did, in words), the plan moved on under it, or it was refused. */
export type StepOutcome = { readonly kind: "done"; readonly text: string } | { readonly kind: "conflict" } | { readonly kind: "refused"; readonly text: string };

/** A failed step as an outcome: the server's 409 CONFLICT (someone else's version landed first) apart from other refusals. */
export function failedStep(caught: unknown, words: (caught: unknown) => string): StepOutcome {
  return caught instanceof ApiError && caught.status === 409 && caught.code === "CONFLICT" ? { kind: "conflict" } : { kind: "refused", text: words(caught) };
}

/** A step's outcome, said; a conflict offers to reload the plan (what the form holds is kept, re-based on it). */
export function StepOutcomeNotice({ outcome, onReload }: { outcome: StepOutcome | null; onReload: () => Promise<void> }) {
  const { w } = useWorkbenchI18n();
  if (outcome === null) return null;
  if (outcome.kind === "done")
    return (
      <p role="status" class="wb-ok">
        {outcome.text}
      </p>
    );
  if (outcome.kind === "refused") return <Alert text={outcome.text} />;
  return (
    <div role="alert" class="wb-error">
      <p>{w.conflict}</p>
      <button type="button" onClick={() => void onReload()}>
        {w.reloadForm}
      </button>
    </div>
  );
}
