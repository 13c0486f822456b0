import type { PlanCommand } from "@rapk/core";
import { useState } from "preact/hooks";
import type { WorkbenchApi } from "./api.js";
import { commandText } from "./describe.js";
import { problemWords } from "./Field.js";
import { useWorkbenchI18n } from "./i18n.js";
import type { MemberKey } from "./keyFile.js";
import { type StepOutcome, StepOutcomeNotice, failedStep } from "./Notices.js";
import type { LoadedPlan } from "./PlanView.js";
import type { FieldProblem } from "./reportCommands.js";
import { problemText } from "./SignIn.js";
import { takeStep } from "./steps.js";

/** What a form proposes: its kind, its reason, and its commands (made when it is sent: the evidence goes up first). */
export interface Proposing {
  readonly kind: string;
  readonly reason: string;
  readonly commands: () => Promise<readonly PlanCommand[]>;
}

/**
 * A form's proposal: prepared by the server on the version the form was made on, signed here,
 * appended; then the form is cleared (`onProposed`) and the plan read again. A refusal or a
 * conflict is kept to be said; what was typed stays.
 */
export function useProposal(api: WorkbenchApi, loaded: LoadedPlan, memberKey: MemberKey, onReload: () => Promise<void>) {
  const { w } = useWorkbenchI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<StepOutcome | null>(null);
  const propose = async (proposing: Proposing, onProposed: () => void) => {
    setBusy(true);
    setOutcome(null);
    try {
      const commands = await proposing.commands();
      const { prepared } = await takeStep(api, loaded.plan, loaded.version, { step: "propose", kind: proposing.kind, reason: proposing.reason, commands }, memberKey);
      setOutcome({ kind: "done", text: w.proposed(prepared.says.join("; ")) });
      onProposed();
      await onReload();
    } catch (caught) {
      setOutcome(failedStep(caught, (c) => problemText(c, w)));
    } finally {
      setBusy(false);
    }
  };
  return { busy, outcome, propose };
}

/** The end of a form: what it will propose, in words, its problems, the button, and how the step ended. */
export function ProposalFooter({
  id,
  loaded,
  commands,
  empty,
  blocked,
  busy,
  outcome,
  onReload,
  refusals = [],
}: {
  id: string;
  loaded: LoadedPlan;
  commands: readonly PlanCommand[];
  empty: string;
  blocked: boolean;
  busy: boolean;
  outcome: StepOutcome | null;
  onReload: () => Promise<void>;
  /** Refusals of core's that name no field of the form: said here. */
  refusals?: readonly FieldProblem[];
}) {
  const { w, language } = useWorkbenchI18n();
  return (
    <>
      <section class="wb-preview" aria-labelledby={id} aria-live="polite">
        <h4 id={id}>{w.preview}</h4>
        {commands.length === 0 ? (
          <p class="muted">{empty}</p>
        ) : (
          <ul>
            {commands.map((command, index) => (
              <li key={index}>{commandText(command, loaded.state, w, language)}</li>
            ))}
          </ul>
        )}
        {refusals.map((problem, index) => (
          <p key={index} class="wb-error">
            {problemWords(problem, w, language)}
          </p>
        ))}
        {blocked && <p class="wb-error">{w.fixFirst}</p>}
      </section>
      <button type="submit" class="wb-primary" disabled={busy || commands.length === 0 || blocked}>
        {busy ? w.proposing : w.propose}
      </button>
      <StepOutcomeNotice outcome={outcome} onReload={onReload} />
    </>
  );
}

/** A budget line as a table's row header: its id and its sub komponen's name. */
export function LineHeader({ id, name }: { id: string; name: string }) {
  return (
    <th scope="row">
      <code>{id}</code>
      <div class="muted">{name}</div>
    </th>
  );
}

/** A table's head row: each column's label, a figure's right-aligned (`{ num }`). */
export function TableHead({ columns }: { columns: readonly (string | { readonly num: string })[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) =>
          typeof column === "string" ? (
            <th key={column} scope="col">
              {column}
            </th>
          ) : (
            <th key={column.num} scope="col" class="num">
              {column.num}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

/** Why, recorded in the version: what the member writes, or the form's own words when left blank. */
export function ReasonField({ value, placeholder, onChange }: { value: string; placeholder: string; onChange: (value: string) => void }) {
  const { w } = useWorkbenchI18n();
  return (
    <label class="wb-field">
      <span>{w.reason}</span>
      <input type="text" name="reason" value={value} placeholder={placeholder} maxLength={1000} onInput={(event) => onChange((event.currentTarget as HTMLInputElement).value)} />
    </label>
  );
}
