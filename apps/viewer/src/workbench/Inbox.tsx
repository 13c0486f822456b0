import { type PlanCommand, type PlanState, type Proposal, type RevisionKind, decideBatch, evolve } from "@rapk/core";
import { diffStates } from "@rapk/history";
import { useEffect, useMemo, useState } from "preact/hooks";
import { changeKindLabel, changeSubject, changeValues } from "../model/describeChange.js";
import { formatBytes } from "../model/limits.js";
import type { ProposalRow, StepRequest, WorkbenchApi } from "./api.js";
import { commandText, evidenceOf, notesOf } from "./describe.js";
import { problemWords } from "./Field.js";
import { TableHead } from "./Proposal.js";
import { useWorkbenchI18n } from "./i18n.js";
import type { MemberKey } from "./keyFile.js";
import { Alert, type StepOutcome, StepOutcomeNotice, failedStep } from "./Notices.js";
import type { LoadedPlan } from "./PlanView.js";
import { problemText } from "./SignIn.js";
import { takeStep } from "./steps.js";

/** Who a member id is, by the plan's roster (the id itself when the roster does not name them). */
const nameOf = (state: PlanState, member: string | undefined) => (member === undefined ? "" : (state.members[member]?.name ?? member));

/**
 * The approvals inbox: the plan's pending proposals, each with what it proposes (its commands in
 * words, their notes, the evidence to download and read first), and for the head approve, or
 * return with a reason; then the proposals already decided. Every decision is a step prepared by
 * the server and signed here with the head's own key.
 */
export function Inbox({ api, loaded, role, member, memberKey, onReload }: { api: WorkbenchApi; loaded: LoadedPlan; role: string; member: string; memberKey: MemberKey; onReload: () => Promise<void> }) {
  const { w } = useWorkbenchI18n();
  const [rows, setRows] = useState<readonly ProposalRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<StepOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let current = true;
    api.proposals(loaded.plan).then(
      (answer) => current && setRows(answer.proposals),
      (caught) => current && setError(problemText(caught, w)),
    );
    return () => {
      current = false;
    };
  }, [loaded.plan, loaded.version]);

  const decide = async (step: StepRequest, done: string) => {
    setBusy(true);
    setOutcome(null);
    try {
      await takeStep(api, loaded.plan, loaded.version, step, memberKey);
      setOutcome({ kind: "done", text: done });
      await onReload();
    } catch (caught) {
      setOutcome(failedStep(caught, (c) => problemText(c, w)));
    } finally {
      setBusy(false);
    }
  };

  if (error !== null) return <Alert text={error} />;
  if (rows === null) return <p role="status">{w.loading}</p>;
  const pending = rows.filter((row) => row.status === "pending");
  const decided = rows.filter((row) => row.status !== "pending");
  return (
    <div class="wb-inbox">
      <h3>{w.inboxTitle}</h3>
      <StepOutcomeNotice outcome={outcome} onReload={onReload} />
      {pending.length === 0 && <p>{w.noPendingProposals}</p>}
      {role !== "head" && pending.length > 0 && <p class="muted">{w.headOnly}</p>}
      {pending.map((row) => (
        <PendingProposal
          key={row.proposal}
          api={api}
          loaded={loaded}
          row={row}
          proposal={loaded.state.proposals[String(row.proposal)]}
          canDecide={role === "head"}
          canWithdraw={row.by === member}
          busy={busy}
          onApprove={() => void decide({ step: "approve", proposal: row.proposal }, w.approved(row.proposal))}
          onReturn={(reason) => void decide({ step: "return", proposal: row.proposal, reason }, w.returned(row.proposal))}
          onWithdraw={() => void decide({ step: "withdraw", proposal: row.proposal }, w.withdrawn(row.proposal))}
        />
      ))}
      {decided.length > 0 && (
        <>
          <h3>{w.decidedTitle}</h3>
          <ul class="wb-decided">
            {decided.map((row) => (
              <li key={row.proposal}>
                {w.proposalHeading(row.proposal, row.kind, nameOf(loaded.state, row.by))}: {w.decidedBy(w.status[row.status] ?? row.status, nameOf(loaded.state, row.decidedBy))}
                {row.returnReason && <div class="muted">{w.returnedBecause(row.returnReason)}</div>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function PendingProposal({
  api,
  loaded,
  row,
  proposal,
  canDecide,
  canWithdraw,
  busy,
  onApprove,
  onReturn,
  onWithdraw,
}: {
  api: WorkbenchApi;
  loaded: LoadedPlan;
  row: ProposalRow;
  proposal: Proposal | undefined;
  canDecide: boolean;
  canWithdraw: boolean;
  busy: boolean;
  onApprove: () => void;
  onReturn: (reason: string) => void;
  onWithdraw: () => void;
}) {
  const { w, language } = useWorkbenchI18n();
  const [reason, setReason] = useState("");
  // Its checks: its commands decided by core on the plan as it stands now, as an approval would apply them.
  const check = useMemo(() => (proposal ? decideBatch(proposal.commands as unknown as readonly PlanCommand[], loaded.state, { kind: proposal.kind as RevisionKind }) : undefined), [proposal, loaded]);
  const [needsReason, setNeedsReason] = useState(false);
  const commands = (proposal?.commands ?? []) as readonly { type: string; data?: unknown }[];
  const evidence = evidenceOf(commands);
  const headingId = `proposal-${row.proposal}`;
  const reasonId = `return-reason-${row.proposal}`;
  return (
    <article class="wb-card wb-proposal" aria-labelledby={headingId}>
      <h4 id={headingId}>{w.proposalHeading(row.proposal, row.kind, nameOf(loaded.state, row.by))}</h4>
      <ul>
        {commands.map((command, index) => (
          <li key={index}>
            {commandText(command, loaded.state, w, language)}
            {notesOf(command, w).map((note) => (
              <div key={note} class="muted">
                {note}
              </div>
            ))}
          </li>
        ))}
      </ul>
      {check !== undefined && (
        <p class={check.ok ? "wb-ok" : "wb-error"}>
          {check.ok ? w.checksPass : w.checksFail(problemWords({ code: check.error.code, message: check.error.message }, w, language))}
        </p>
      )}
      {check?.ok === true && <ProposalDiff state={loaded.state} events={check.value} />}
      {evidence.length > 0 && (
        <ul class="wb-evidence">
          {evidence.map((ref) => (
            <li key={ref.sha256}>
              <a href={api.evidenceUrl(loaded.plan, ref.sha256)} download={ref.name}>
                {w.download(ref.name, formatBytes(ref.size))}
              </a>
            </li>
          ))}
        </ul>
      )}
      {canDecide && (
        <div class="wb-decide">
          <button type="button" class="wb-primary" disabled={busy} onClick={onApprove}>
            {w.approve}
          </button>
          <label for={reasonId}>{w.returnReason}</label>
          <input
            id={reasonId}
            type="text"
            value={reason}
            maxLength={5000}
            aria-invalid={needsReason}
            aria-describedby={needsReason ? `${reasonId}-problem` : undefined}
            onInput={(event) => setReason((event.currentTarget as HTMLInputElement).value)}
          />
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              if (reason.trim() === "") setNeedsReason(true);
              else onReturn(reason.trim());
            }}
          >
            {w.returnIt}
          </button>
          {needsReason && reason.trim() === "" && (
            <span id={`${reasonId}-problem`} class="wb-error">
              {w.returnNeedsReason}
            </span>
          )}
        </div>
      )}
      {canWithdraw && (
        <div class="wb-decide">
          <button type="button" disabled={busy} onClick={onWithdraw}>
            {w.withdraw}
          </button>
        </div>
      )}
    </article>
  );
}

/** What the plan would become if the proposal were approved now: history's diff of the two states, worded as the viewer's Compare tab words it. */
function ProposalDiff({ state, events }: { state: PlanState; events: Parameters<typeof evolve>[1][] }) {
  const { w, language } = useWorkbenchI18n();
  const changes = useMemo(() => diffStates(state, events.reduce(evolve, state)).changes, [state, events]);
  if (changes.length === 0) return null;
  return (
    <div class="table-scroll">
      <table class="wb-diff">
        <caption>{w.diffTitle}</caption>
        <TableHead columns={[w.diffChange, w.diffSubject, w.diffFrom, w.diffTo]} />
        <tbody>
          {changes.map((change, index) => {
            const { from, to } = changeValues(change, language);
            return (
              <tr key={index}>
                <td>{changeKindLabel(change.kind, language)}</td>
                <td>{changeSubject(change)}</td>
                <td class="num">{from}</td>
                <td class="num">{to}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
