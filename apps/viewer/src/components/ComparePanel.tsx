import { type PlanDocument, formatRupiah } from "@rapk/core";
import { type Change, type ChangeKind, type Version, diffStates } from "@rapk/history";
import { diffWorkbook } from "@rapk/report";
import { useMemo } from "preact/hooks";
import type { Other } from "../App.js";
import { CSV_TYPE, XLSX_TYPE, download } from "../model/download.js";
import { useUnverifiedMark } from "./Unverified.js";
import { useI18n } from "../i18n/i18n.js";
import { changeKindLabel, changeSubject, changeValues } from "../model/describeChange.js";
import { formatDate } from "../model/format.js";
import type { HistoryView } from "../model/historyView.js";
import { highlightsOf } from "../model/highlights.js";
import { DocumentView } from "./DocumentView.js";
import { FileOpener } from "./FileOpener.js";
import { TrustBanner } from "./TrustBanner.js";

export interface ComparePanelProps {
  view: HistoryView;
  from: number;
  to: number;
  onChange: (from: number, to: number) => void;
  /** A second plan: then `from` is a version of this file and `to` one of the other. */
  other?: Other | null;
  otherError?: string | null;
  onOpenOther?: (file: File) => void;
  onOpenSeed?: (() => void) | undefined;
  onCloseOther?: () => void;
  baseName?: string;
}

/**
 * Two versions side by side, of this file or of this file and another (matched by indicator and
 * line ids; what one side lacks shows as added or removed): the summary (changes by kind,
 * Rupiah moved), the list of changes with old -> new, and the newer plan with every changed
 * cell highlighted. The changes download as XLSX or CSV, unless either side does not verify.
 */
export function ComparePanel({ view, from, to, onChange, other = null, otherError = null, onOpenOther, onOpenSeed, onCloseOther, baseName = "rapk" }: ComparePanelProps) {
  const { t, language } = useI18n();
  const right = other?.view ?? view;
  const diff = useMemo(() => (other ? diffStates(view.at(from).state, other.view.at(to).state) : view.diff(from, to)), [view, other, from, to]);
  const before = view.at(from);
  const after = right.at(to);
  const highlights = useMemo(() => highlightsOf(diff, before.state, after.state), [diff, before, after]);
  const expanded = useMemo(() => changedIndicators(diff.changes, after.document), [diff, after]);
  // The summary counts only kinds of change (CHANGE_KINDS), keyed by kind.
  const counts = (Object.entries(diff.summary.counts) as [ChangeKind, number][]).filter(([, n]) => n > 0);
  // Changes are not downloaded from a log that does not verify, this one or the other (see Actions).
  const mark = useUnverifiedMark();
  const refused = mark !== undefined || (other?.verification ? !other.verification.ok : false);

  const option = (v: Version) => (
    <option key={v.number} value={v.number}>
      {v.number} · {formatDate(v.effectiveAt, language)} · {t.kind[v.kind] ?? v.kind} · {v.reason}
    </option>
  );
  const pick = (which: "from" | "to") => (event: Event) => {
    const value = Number((event.target as HTMLSelectElement).value);
    onChange(which === "from" ? value : from, which === "to" ? value : to);
  };

  const label = other ? `${baseName} -> ${other.name} v${to}` : `${baseName}: ${from} -> ${to}`;
  return (
    <div class="compare">
      <div class="compare-other">
        {other ? (
          <>
            <p>
              <strong>{t.otherFile(other.name)}</strong>{" "}
              <button type="button" class="button" onClick={onCloseOther}>
                {t.closeOther}
              </button>
            </p>
            {other.verification !== undefined && <TrustBanner verification={other.verification} />}
          </>
        ) : (
          <>
            {onOpenOther && <FileOpener id="other-file-input" label={t.compareWithFile} onFile={onOpenOther} hint={false} />}
            {onOpenSeed && (
              <button type="button" class="button" onClick={onOpenSeed}>
                {t.compareWithSeed}
              </button>
            )}
          </>
        )}
        {otherError && (
          <p role="alert" class="load-error">
            {otherError}
          </p>
        )}
      </div>
      <div class="compare-pickers">
        <label>
          {other ? t.planA : t.compareFrom}
          <select value={from} onChange={pick("from")}>
            {view.versions.map(option)}
          </select>
        </label>
        <label>
          {other ? t.planB : t.compareTo}
          <select value={to} onChange={pick("to")}>
            {right.versions.map(option)}
          </select>
        </label>
        <button type="button" class="button" disabled={refused} onClick={async () => download(`${baseName}-perubahan.xlsx`, await diffWorkbook(diff, label), XLSX_TYPE)}>
          {t.downloadChangesXlsx}
        </button>
        <button type="button" class="button" disabled={refused} onClick={async () => download(`${baseName}-perubahan.csv`, (await import("../model/csvFiles.js")).csvFiles.changes(diff, language), CSV_TYPE)}>
          {t.downloadChangesCsv}
        </button>
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
        <div class="table-scroll change-list" tabIndex={0} role="region" aria-label={t.changeList}>
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
                  <tr key={index} class={oneSided(change.kind)}>
                    <td>
                      {changeKindLabel(change.kind, language)}
                      {oneSided(change.kind) && <span class="one-side"> ({t.onlyHere})</span>}
                    </td>
                    <td>{changeSubject(change)}</td>
                    <td class="num">
                      <del>{values.from}</del>
                    </td>
                    <td class="num">
                      <ins>{values.to}</ins>
                    </td>
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

/** `change-added` / `change-removed` for what exists on one side only. */
function oneSided(kind: Change["kind"]): string | undefined {
  return kind.endsWith("-added") ? "change-added" : kind.endsWith("-removed") ? "change-removed" : undefined;
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
