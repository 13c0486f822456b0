import { type PlanState, formatPercentOfHundred, formatRupiah, monthCode, monthName } from "@rapk/core";
import { type PrintProvenance, quarterReport, quarterWorkbook } from "@rapk/report";
import { useMemo, useState } from "preact/hooks";
import { useI18n } from "../i18n/i18n.js";
import { XLSX_TYPE, download } from "../model/download.js";
import { formatNumber, formatPercent } from "../model/format.js";
import { useUnverifiedMark } from "./Unverified.js";

/**
 * The quarterly report (triwulan) of `@rapk/report`: per indicator the quarter's target,
 * realisation, achievement and band, and against the year's target; per budget line the
 * spending of the quarter and through it; the quarter's notes with obstacles and follow-up.
 */
export function QuarterPanel({
  state,
  quarter,
  onQuarter,
  baseName,
  provenance,
  onPrint,
}: {
  state: PlanState;
  quarter: number;
  onQuarter: (q: number) => void;
  baseName: string;
  /** The version printed, as the plan's print names it in every footer. */
  provenance?: PrintProvenance | undefined;
  /** Prints a document (the quarterly report's layout, as HTML) instead of the plan. */
  onPrint?: (html: string) => void;
}) {
  const { t, language } = useI18n();
  const report = useMemo(() => quarterReport(state, quarter, undefined, provenance), [state, quarter, provenance]);
  const [laying, setLaying] = useState(false);
  // The layout's code loads when the report is first printed.
  const print = async () => {
    if (!onPrint || !provenance) return;
    setLaying(true);
    try {
      onPrint((await import("../print/quarterHtml.js")).quarterHtml(report, provenance, language));
    } finally {
      setLaying(false);
    }
  };
  // A log that does not verify is not downloaded (see Actions).
  const refused = useUnverifiedMark() !== undefined;
  const [first, , last] = report.months;
  // As the PDF prints a measure (formatMeasure: up to four decimals), and every percentage with two.
  const num = (value: number | null) => (value === null ? "–" : formatNumber(value, language, 4));
  // Two decimals, as the quarterly report's PDF prints them.
  const pct = (value: number | null) => (value === null ? "–" : formatPercentOfHundred(value, language));
  return (
    <div class="quarter">
      <div class="quarter-head">
        <label>
          {t.quarter}
          <select value={quarter} onChange={(event) => onQuarter(Number((event.target as HTMLSelectElement).value))}>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="button" disabled={refused} onClick={async () => download(`${baseName}-tw${quarter}.xlsx`, await quarterWorkbook(report, language), XLSX_TYPE)}>
          {t.downloadQuarterXlsx}
        </button>
        {onPrint && provenance && (
          <button type="button" class="button" disabled={laying} onClick={() => void print()}>
            {t.printQuarter}
          </button>
        )}
      </div>
      <h2>{t.quarterTitle(quarter, monthName(first, language), monthName(last, language))}</h2>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t.achievement}>
        <table class="quarter-table">
          <thead>
            <tr>
              <th scope="col">{t.indicator}</th>
              <th scope="col">{t.quarterTarget(monthCode(last))}</th>
              <th scope="col">{t.realisation}</th>
              <th scope="col">{t.achievement}</th>
              <th scope="col">{t.band}</th>
              <th scope="col">{t.annualTarget}</th>
              <th scope="col">{t.annualAchievement}</th>
            </tr>
          </thead>
          <tbody>
            {report.indicators.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  <span class="id">{i.id}</span> {i.name}
                </th>
                <td class="num">{num(i.target)}</td>
                <td class="num">{num(i.realisation)}</td>
                <td class="num">{pct(i.achievement)}</td>
                <td>{i.band ? <span class={`badge band-${i.band.id}`}>{i.band.label[language]}</span> : "–"}</td>
                <td class="num">{num(i.annualTarget)}</td>
                <td class="num">{pct(i.annualAchievement)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t.budgetTable}>
        <table class="quarter-budget">
          <thead>
            <tr>
              <th scope="col">{t.lineId}</th>
              <th scope="col">{t.pagu}</th>
              <th scope="col">{t.spentInQuarter}</th>
              <th scope="col">{t.spentThrough(monthCode(last))}</th>
              <th scope="col">{t.absorption}</th>
            </tr>
          </thead>
          <tbody>
            {report.lines.map((l) => (
              <tr key={l.id}>
                <th scope="row" class="mono">
                  {l.id}
                </th>
                <td class="num">{formatRupiah(l.pagu)}</td>
                <td class="num">{formatRupiah(l.spentInQuarter)}</td>
                <td class="num">{formatRupiah(l.spent)}</td>
                <td class="num">{l.absorption === null ? "–" : formatPercent(l.absorption, language, 2)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.total}</th>
              <td class="num">{formatRupiah(report.budget.pagu)}</td>
              <td class="num">{formatRupiah(report.budget.spentInQuarter)}</td>
              <td class="num">{formatRupiah(report.budget.spent)}</td>
              <td class="num">{report.budget.absorption === null ? "–" : formatPercent(report.budget.absorption, language, 2)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h3>{t.notes}</h3>
      {report.notes.length === 0 ? (
        <p class="muted">{t.noNotes}</p>
      ) : (
        <ul class="quarter-notes">
          {report.notes.map((n) => (
            <li key={`${n.indicator ?? n.line}-${n.month}`}>
              <strong>
                {n.indicator ?? n.line} · {monthName(n.month, language)}
              </strong>
              <dl>
                {n.note !== undefined && (
                  <>
                    <dt>{t.note}</dt>
                    <dd>{n.note}</dd>
                  </>
                )}
                {n.obstacles !== undefined && (
                  <>
                    <dt>{t.obstacles}</dt>
                    <dd>{n.obstacles}</dd>
                  </>
                )}
                {n.followUp !== undefined && (
                  <>
                    <dt>{t.followUp}</dt>
                    <dd>{n.followUp}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
