import { type PlanDocument, formatRupiah } from "@rapk/core";
import type { Change, Version } from "@rapk/history";
import { useMemo } from "preact/hooks";
import { useI18n } from "../i18n/i18n.js";
import { changeKindLabel, changeSubject, changeValues } from "../model/describeChange.js";
import { formatDate } from "../model/format.js";
import type { HistoryView } from "../model/historyView.js";
import { highlightsOf } from "../model/highlights.js";
import { DocumentView } from "./DocumentView.js";

/**
 * Two versions side by side: the summary (changes by kind, Rupiah moved), the list of changes
 * with old -> new, and the newer plan with every changed cell highlighted.
 */
export function ComparePanel({
  view,
  from,
  to,
  onChange,
}: {
  view: HistoryView;
  from: number;
  to: number;
  onChange: (from: number, to: number) => void;
}) {
  const { t, language } = useI18n();
  const diff = useMemo(() => view.diff(from, to), [view, from, to]);
  const before = view.at(from);
  const after = view.at(to);
  const highlights = useMemo(() => highlightsOf(diff, before.state, after.state), [diff, before, after]);
  const expanded = useMemo(() => changedIndicators(diff.changes, after.document), [diff, after]);
  const counts = Object.entries(diff.summary.counts).filter(([, n]) => n > 0);

  const option = (v: Version) => (
    <option key={v.number} value={v.number}>
      {v.number} · {formatDate(v.effectiveAt, language)} · {t.kind[v.kind] ?? v.kind} · {v.reason}
    </option>
  );
  const pick = (which: "from" | "to") => (event: Event) => {
    const value = Number((event.target as HTMLSelectElement).value);
    onChange(which === "from" ? value : from, which === "to" ? value : to);
  };

  return (
    <div class="compare">
      <div class="compare-pickers">
        <label>
          {t.compareFrom}
          <select value={from} onChange={pick("from")}>
            {view.versions.map(option)}
          </select>
        </label>
        <label>
          {t.compareTo}
          <select value={to} onChange={pick("to")}>
            {view.versions.map(option)}
          </select>
        </label>
      </div>
      <section class="compare-summary" aria-live="polite" aria-label={t.changes(diff.changes.length)}>
        {diff.changes.length === 0 ? (
          <p>{t.noChanges}</p>
        ) : (
          <>
            <p>
              <strong>{t.changes(diff.changes.length)}</strong> · {t.rupiahMoved}: <strong>{formatRupiah(diff.summary.rupiahMoved)}</strong>
            </p>
            <ul class="counts">
              {counts.map(([kind, n]) => (
                <li key={kind}>
                  {changeKindLabel(kind, language)}: {n}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {diff.changes.length > 0 && (
        <div class="table-scroll change-list">
          <table class="changes">
            <thead>
              <tr>
                <th scope="col">{t.change}</th>
                <th scope="col">{t.subject}</th>
                <th scope="col">{t.compareFrom}</th>
                <th scope="col">{t.compareTo}</th>
              </tr>
            </thead>
            <tbody>
              {diff.changes.map((change, index) => {
                const values = changeValues(change, language);
                return (
                  <tr key={index}>
                    <td>{changeKindLabel(change.kind, language)}</td>
                    <td>{changeSubject(change)}</td>
                    <td class="num">{values.from === null ? "" : <del>{values.from}</del>}</td>
                    <td class="num">{values.to === null ? "" : <ins>{values.to}</ins>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {diff.changes.length > 0 && <p class="hint">{t.changedCells}</p>}
      <DocumentView document={after.document} highlights={highlights} expanded={expanded} idPrefix="compare" />
    </div>
  );
}

/** Indicators whose budget rows hold a change, so the comparison opens them. */
function changedIndicators(changes: readonly Change[], doc: PlanDocument): ReadonlySet<string> {
  const lines = new Set<string>();
  const out = new Set<string>();
  for (const change of changes) {
    if (change.kind === "contribution-changed") out.add(change.indicator);
    if (change.kind === "pagu-changed" || change.kind === "line-added" || change.kind === "line-renamed") lines.add(change.line);
  }
  for (const objective of doc.objectives)
    for (const indicator of objective.indicators) if (indicator.contributions.some((x) => lines.has(x.line.id))) out.add(indicator.id);
  return out;
}
