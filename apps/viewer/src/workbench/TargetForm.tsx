import { MONTHS, monthName } from "@rapk/core";
import { useMemo, useState } from "preact/hooks";
import { formatNumber } from "../model/format.js";
import type { WorkbenchApi } from "./api.js";
import { Field } from "./Field.js";
import { useWorkbenchI18n } from "./i18n.js";
import type { MemberKey } from "./keyFile.js";
import type { LoadedPlan } from "./PlanView.js";
import { ProposalFooter, TableHead, ReasonField, useProposal } from "./Proposal.js";
import { buildTargets } from "./targetCommands.js";

/**
 * A target revision (Revisi RAPK): one indicator's twelve monthly targets as they stand, each with
 * a new target to type; the changed months decided by core in the page (a cumulative indicator
 * may not go down), then proposed as kind `rapk`, prepared by the server and signed here.
 */
export function TargetForm({ api, loaded, memberKey, onReload }: { api: WorkbenchApi; loaded: LoadedPlan; memberKey: MemberKey; onReload: () => Promise<void> }) {
  const { w, language } = useWorkbenchI18n();
  const indicators = Object.values(loaded.state.indicators);
  const [indicator, setIndicator] = useState(indicators[0]?.id ?? "");
  const [months, setMonths] = useState<Record<number, string>>({});
  const [reason, setReason] = useState("");
  const { busy, outcome, propose } = useProposal(api, loaded, memberKey, onReload);
  const built = useMemo(() => buildTargets({ indicator, months }, loaded.state), [indicator, months, loaded]);
  const chosen = loaded.state.indicators[indicator];
  const name = chosen ? `${chosen.id} ${chosen.name}` : indicator;
  const submit = (event: Event) => {
    event.preventDefault();
    if (built.problems.length > 0 || built.commands.length === 0) return;
    void propose({ kind: "rapk", reason: reason.trim() || w.targetReasonDefault(name), commands: async () => built.commands }, () => {
      setMonths({});
      setReason("");
    });
  };
  return (
    <form class="wb-report" onSubmit={submit} aria-labelledby="target-title">
      <h3 id="target-title">{w.targetTitle}</h3>
      <div class="wb-field">
        <label for="wb-target-indicator">{w.indicator}</label>
        <select
          id="wb-target-indicator"
          value={indicator}
          onChange={(event) => {
            setIndicator((event.currentTarget as HTMLSelectElement).value);
            setMonths({});
          }}
        >
          {indicators.map((i) => (
            <option key={i.id} value={i.id}>
              {i.id} {i.name}
            </option>
          ))}
        </select>
      </div>
      {chosen && (
        <p class="muted">
          {w.targetShape(chosen.unit, chosen.shape)}
        </p>
      )}
      <div class="table-scroll">
        <table class="wb-spending">
          <TableHead columns={[w.month, { num: w.currentTarget }, w.newTarget]} />
          <tbody>
            {MONTHS.map((month) => {
              const target = chosen?.targets[month - 1];
              return (
                <tr key={month}>
                  <th scope="row">{monthName(month, language)}</th>
                  <td class="num">{target === null || target === undefined ? "–" : formatNumber(target, language)}</td>
                  <td>
                    <Field
                      label={w.fieldOf(w.newTarget, `${monthName(month, language)}, ${name}`)}
                      value={months[month] ?? ""}
                      onInput={(value) => setMonths((all) => ({ ...all, [month]: value }))}
                      problem={built.problems.find((p) => p.month === month)?.problem}
                      inputMode="decimal"
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ReasonField value={reason} placeholder={w.targetReasonDefault(name)} onChange={setReason} />
      <ProposalFooter id="target-preview-title" loaded={loaded} commands={built.commands} empty={w.targetNothingYet} blocked={built.problems.length > 0} busy={busy} outcome={outcome} onReload={onReload} refusals={built.problems.filter((p) => p.month === undefined).map((p) => p.problem)} />
    </form>
  );
}
