import { BPOM_BANDS, formatRupiah, monthName } from "@rapk/core";
import { formatPercent } from "../model/format.js";
import type { PlanRow } from "./api.js";
import { useWorkbenchI18n } from "./i18n.js";
import { TableHead } from "./Proposal.js";

/** The plans the member belongs to, with the roll-up figures the server computed; each opens. */
export function PlanList({ plans, onOpen }: { plans: readonly PlanRow[]; onOpen: (plan: PlanRow) => void }) {
  const { w, language } = useWorkbenchI18n();
  if (plans.length === 0) return <p>{w.noPlans}</p>;
  return (
    <section class="wb-card" aria-labelledby="plans-title">
      <h2 id="plans-title">{w.plansTitle}</h2>
      <div class="table-scroll">
        <table class="wb-plans">
          <TableHead columns={[w.planColumn, w.roleColumn, { num: w.versionColumn }, { num: w.paguColumn }, { num: w.spentColumn }, { num: w.absorptionColumn }, w.latestColumn, w.bandsColumn]} />
          <tbody>
            {plans.map((row) => (
              <tr key={row.plan}>
                <th scope="row">
                  <button type="button" class="wb-link" onClick={() => onOpen(row)} aria-label={w.open(row.plan)}>
                    {row.unit ?? row.plan} {row.year ?? ""}
                  </button>
                  <div class="muted">
                    <code>{row.plan}</code>
                    {!row.verified && <strong class="wb-error"> {w.unverified}</strong>}
                  </div>
                </th>
                <td>{w.role[row.role] ?? row.role}</td>
                <td class="num">{row.version}</td>
                <td class="num">{formatRupiah(row.pagu)}</td>
                <td class="num">{formatRupiah(row.spent)}</td>
                <td class="num">{row.absorption === null ? "–" : formatPercent(row.absorption, language)}</td>
                <td>{row.latestMonth === null ? w.none : monthName(row.latestMonth, language)}</td>
                <td>
                  <ul class="wb-bands">
                    {BPOM_BANDS.filter((band) => (row.bands[band.id] ?? 0) > 0).map((band) => (
                      <li key={band.id} class={`badge band-${band.id}`}>
                        {band.label[language]}: {row.bands[band.id]}
                      </li>
                    ))}
                    {row.unrated > 0 && <li class="badge band-none">{w.unrated(row.unrated)}</li>}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
