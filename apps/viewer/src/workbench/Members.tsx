import { Role } from "@rapk/core";
import { useState } from "preact/hooks";
import type { WorkbenchApi } from "./api.js";
import { useWorkbenchI18n } from "./i18n.js";
import type { MemberKey } from "./keyFile.js";
import { buildAddMember } from "./memberCommands.js";
import { type StepOutcome, StepOutcomeNotice, failedStep } from "./Notices.js";
import type { LoadedPlan } from "./PlanView.js";
import { ReasonField, TableHead } from "./Proposal.js";
import { problemText } from "./SignIn.js";
import { takeStep } from "./steps.js";

/** A public entry is a line of JSON: anything much larger is not one. */
const MAX_ENTRY_BYTES = 4096;

/**
 * The roster at the head, and the head's "add a member": the public entry a member's
 * `rapk keygen` printed (pasted, or its file chosen), an id and a role; a roster step prepared
 * by the server on this version, signed here with the head's key, committed.
 */
export function Members({ api, loaded, role, memberKey, onReload }: { api: WorkbenchApi; loaded: LoadedPlan; role: string; memberKey: MemberKey; onReload: () => Promise<void> }) {
  const { w } = useWorkbenchI18n();
  const [entry, setEntry] = useState("");
  const [member, setMember] = useState("");
  const [newRole, setNewRole] = useState<string>("officer");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<StepOutcome | null>(null);
  const built = buildAddMember({ entry, member, role: newRole }, loaded.state);
  const typed = entry.trim() !== "" || member.trim() !== "";
  const chooseFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (file) setEntry(file.size > MAX_ENTRY_BYTES ? "" : await file.text());
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!built.ok) return;
    setBusy(true);
    setOutcome(null);
    try {
      const { prepared } = await takeStep(api, loaded.plan, loaded.version, { step: "roster", reason: reason.trim() || w.memberReasonDefault(built.command.data.name), commands: [built.command] }, memberKey);
      setOutcome({ kind: "done", text: w.memberAdded(prepared.says.join("; ")) });
      setEntry("");
      setMember("");
      setReason("");
      await onReload();
    } catch (caught) {
      setOutcome(failedStep(caught, (c) => problemText(c, w)));
    } finally {
      setBusy(false);
    }
  };
  const members = Object.values(loaded.state.members);
  return (
    <div class="wb-report">
      <h3 id="members-title">{w.membersTitle}</h3>
      <div class="table-scroll">
        <table class="wb-spending" aria-labelledby="members-title">
          <TableHead columns={[w.memberId, w.memberName, w.roleColumn, w.memberKeyColumn]} />
          <tbody>
            {members.map((m) => (
              <tr key={m.member}>
                <th scope="row">
                  <code>{m.member}</code>
                </th>
                <td>{m.name}</td>
                <td>{w.role[m.role] ?? m.role}</td>
                <td>
                  <code>ed25519:{m.publicKey.slice(0, 16)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {role !== "head" ? (
        <p class="muted">{w.membersHeadOnly}</p>
      ) : (
        <form onSubmit={(event) => void submit(event)} aria-labelledby="member-add-title">
          <h4 id="member-add-title">{w.memberAddTitle}</h4>
          <p class="muted">{w.memberAddHint}</p>
          <label class="wb-field">
            <span>{w.memberEntry}</span>
            <textarea rows={3} value={entry} maxLength={MAX_ENTRY_BYTES} spellcheck={false} onInput={(event) => setEntry((event.currentTarget as HTMLTextAreaElement).value)} />
          </label>
          <label class="wb-field">
            <span>{w.memberEntryFile}</span>
            <input type="file" accept=".json,.pub,application/json,text/plain" onChange={(event) => void chooseFile(event)} />
          </label>
          <label class="wb-field">
            <span>{w.memberId}</span>
            <input type="text" value={member} placeholder="siti.rahma" maxLength={64} onInput={(event) => setMember((event.currentTarget as HTMLInputElement).value)} />
          </label>
          <label class="wb-field">
            <span>{w.roleColumn}</span>
            <select value={newRole} onChange={(event) => setNewRole((event.currentTarget as HTMLSelectElement).value)}>
              {Role.options.map((r) => (
                <option key={r} value={r}>
                  {w.role[r] ?? r}
                </option>
              ))}
            </select>
          </label>
          <ReasonField value={reason} placeholder={built.ok ? w.memberReasonDefault(built.command.data.name) : ""} onChange={setReason} />
          <section class="wb-preview" aria-labelledby="member-preview-title" aria-live="polite">
            <h4 id="member-preview-title">{w.preview}</h4>
            {built.ok ? (
              <p>{w.memberWillAdd(built.command.data.name, built.command.data.member, w.role[built.command.data.role] ?? built.command.data.role, built.command.data.publicKey.slice(0, 16))}</p>
            ) : typed ? (
              built.problems.map((problem) => (
                <p key={problem} class="wb-error">
                  {w[problem]}
                </p>
              ))
            ) : (
              <p class="muted">{w.memberNothingYet}</p>
            )}
          </section>
          <button type="submit" class="wb-primary" disabled={busy || !built.ok}>
            {busy ? w.proposing : w.memberAdd}
          </button>
          <StepOutcomeNotice outcome={outcome} onReload={onReload} />
        </form>
      )}
    </div>
  );
}
