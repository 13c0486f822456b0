import { allocationByLine, formatRupiah } from "@rapk/core";
import { useMemo, useState } from "preact/hooks";
import type { WorkbenchApi } from "./api.js";
import { Field } from "./Field.js";
import { useWorkbenchI18n } from "./i18n.js";
import type { MemberKey } from "./keyFile.js";
import type { LoadedPlan } from "./PlanView.js";
import { type PokDraft, buildPok } from "./pokCommands.js";
import { LineHeader, ProposalFooter, TableHead, ReasonField, useProposal } from "./Proposal.js";

/**
 * A Revisi POK: each budget line's pagu, allocation and spending, and its new pagu as typed; the
 * lines' total against the DIPA ceiling, live; every change decided as one batch by core in the
 * page; then proposed as the report is (prepared by the server, signed here, appended).
 */
export function PokForm({ api, loaded, memberKey, onReload }: { api: WorkbenchApi; loaded: LoadedPlan; memberKey: MemberKey; onReload: () => Promise<void> }) {
  const { w, language } = useWorkbenchI18n();
  const [draft, setDraft] = useState<PokDraft>({});
  const [reason, setReason] = useState("");
  const { busy, outcome, propose: propose_ } = useProposal(api, loaded, memberKey, onReload);
  const built = useMemo(() => buildPok(draft, loaded.state), [draft, loaded]);
  const allocated = useMemo(() => allocationByLine(loaded.state), [loaded]);
  const ceiling = loaded.state.plan?.ceiling ?? 0;

  const propose = (event: Event) => {
    event.preventDefault();
    if (built.problems.length > 0 || built.commands.length === 0) return;
    void propose_({ kind: "pok", reason: reason.trim() || w.pokReasonDefault, commands: async () => built.commands }, () => {
      setDraft({});
      setReason("");
    });
  };

  return (
    <form class="wb-report" onSubmit={propose} aria-labelledby="pok-title">
      <h3 id="pok-title">{w.pokTitle}</h3>
      <p class="hint">{w.pokHint}</p>
      <dl class="wb-totals" aria-live="polite">
        <dt>{w.ceiling}</dt>
        <dd>{formatRupiah(ceiling)}</dd>
        <dt>{w.paguTotal}</dt>
        <dd>
          {formatRupiah(built.totalBefore)} → <strong>{formatRupiah(built.totalAfter)}</strong> ({w.difference} {formatRupiah(built.totalAfter - built.totalBefore)})
        </dd>
      </dl>
      <div class="table-scroll">
        <table class="wb-spending">
          <TableHead columns={[w.line, { num: w.allocated }, { num: w.spentBefore }, { num: w.pagu }, w.newPagu]} />
          <tbody>
            {Object.values(loaded.state.lines).map((line) => {
              const spent = Object.values(loaded.state.spending[line.id] ?? {}).reduce((sum, amount) => sum + amount, 0);
              return (
                <tr key={line.id}>
                  <LineHeader id={line.id} name={line.subComponent.name} />
                  <td class="num">{formatRupiah(allocated.get(line.id) ?? 0)}</td>
                  <td class="num">{formatRupiah(spent)}</td>
                  <td class="num">{formatRupiah(line.pagu)}</td>
                  <td>
                    <Field
                      label={w.fieldOf(w.newPagu, `${line.id} ${line.subComponent.name}`)}
                      value={draft[line.id] ?? ""}
                      onInput={(value) => setDraft((all) => ({ ...all, [line.id]: value }))}
                      problem={built.problems.find((p) => p.line === line.id)?.problem}
                      inputMode="numeric"
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ReasonField value={reason} placeholder={w.pokReasonDefault} onChange={setReason} />
      <ProposalFooter id="pok-preview-title" loaded={loaded} commands={built.commands} empty={w.pokNothingYet} blocked={built.problems.length > 0} busy={busy} outcome={outcome} onReload={onReload} refusals={built.problems.filter((p) => p.line === undefined).map((p) => p.problem)} />
    </form>
  );
}
