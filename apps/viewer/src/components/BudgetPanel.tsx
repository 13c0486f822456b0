import { type BudgetSummary, type PlanState, type Violation, INVARIANTS, formatRupiah, totalGap } from "@rapk/core";
import { useI18n } from "../i18n/i18n.js";
import { formatPercent } from "../model/format.js";

/**
 * Per budget line: pagu, allocated, unallocated, spent and absorption (core's budgetSummary);
 * and every invariant of the plan, green when it holds and red with the violations when not.
 */
export function BudgetPanel({ state, budget, violations }: { state: PlanState; budget: BudgetSummary; violations: readonly Violation[] }) {
  const { t, language } = useI18n();
  const unallocated = budget.pagu - budget.allocated;
  const gap = totalGap(state.plan?.statedTotal, budget.pagu);
  return (
    <div class="budget">
      <section aria-labelledby="invariants-title" class="invariants">
        <h3 id="invariants-title">{t.invariants}</h3>
        <ul>
          {INVARIANTS.map((invariant) => {
            const broken = violations.filter((v) => v.code === invariant.code);
            return (
              <li key={invariant.code} class={broken.length === 0 ? "ok" : "broken"} data-code={invariant.code}>
                <span class="mark" aria-hidden="true">{broken.length === 0 ? "✓" : "✗"}</span>
                <span>
                  {t.invariantText[invariant.code] ?? invariant.description} <strong class="state">({broken.length === 0 ? t.invariantOk : t.invariantBroken})</strong>
                  {broken.length > 0 && (
                    <ul class="violations">
                      {broken.map((v, i) => (
                        <li key={i}>{v.message}</li>
                      ))}
                    </ul>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="lines-title">
        <h3 id="lines-title">{t.budgetLines}</h3>
        <dl class="totals">
          <div>
            <dt>{t.ceiling}</dt>
            <dd>{formatRupiah(budget.ceiling)}</dd>
          </div>
          {state.plan?.statedTotal !== undefined && (
            <div>
              <dt>{t.statedTotal}</dt>
              <dd>{formatRupiah(state.plan.statedTotal)}</dd>
            </div>
          )}
          <div>
            <dt>{t.sumPagu}</dt>
            <dd>{formatRupiah(budget.pagu)}</dd>
          </div>
          <div>
            <dt>{t.allocated}</dt>
            <dd>{formatRupiah(budget.allocated)}</dd>
          </div>
          <div>
            <dt>{t.spent}</dt>
            <dd>{formatRupiah(budget.spent)}</dd>
          </div>
        </dl>
        {gap && <p class="stated-gap">{gap[language]}</p>}
        <div class="table-scroll">
          <table class="lines-summary">
            <thead>
              <tr>
                <th scope="col">{t.lineId}</th>
                <th scope="col">{t.pagu}</th>
                <th scope="col">{t.allocated}</th>
                <th scope="col">{t.unallocated}</th>
                <th scope="col">{t.spent}</th>
                <th scope="col">{t.absorption}</th>
              </tr>
            </thead>
            <tbody>
              {budget.lines.map((line) => {
                const meta = state.lines[line.id];
                return (
                  <tr key={line.id} class={line.unallocated < 0 || line.spent > line.pagu ? "over" : undefined}>
                    <th scope="row">
                      <code>{line.id}</code>
                      {meta && <span class="line-name">{meta.subComponent.name}</span>}
                    </th>
                    <td class="num">{formatRupiah(line.pagu)}</td>
                    <td class="num">{formatRupiah(line.allocated)}</td>
                    <td class="num">{formatRupiah(line.unallocated)}</td>
                    <td class="num">{formatRupiah(line.spent)}</td>
                    <td class="num">{line.absorption === null ? "–" : formatPercent(line.absorption, language)}</td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t.total}</th>
                <td class="num">{formatRupiah(budget.pagu)}</td>
                <td class="num">{formatRupiah(budget.allocated)}</td>
                <td class="num">{formatRupiah(unallocated)}</td>
                <td class="num">{formatRupiah(budget.spent)}</td>
                <td class="num">{budget.pagu === 0 ? "–" : formatPercent(budget.spent / budget.pagu, language)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
    </div>
  );
}
