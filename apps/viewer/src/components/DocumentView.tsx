import { type DocumentIndicator, type DocumentObjective, type PlanDocument, formatRupiah, monthCode, monthName } from "@rapk/core";
import { Component } from "preact";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { type I18n, useI18n } from "../i18n/i18n.js";
import { formatDate, formatNumber } from "../model/format.js";
import { type Highlights, cell } from "../model/highlights.js";
import { Changed } from "./Changed.js";

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
// NO, objective, indicator, B01..B12, budget.
const COLUMNS = 3 + 12 + 1;

// Indicators rendered at first, and added each time the reader reaches the end of the table
// (50: more than two screens; a step of the timeline that changes every row renders only these).
const PAGE = 50;

const none: Highlights = new Map();
const closed: ReadonlySet<string> = new Set();

/**
 * The plan laid out like the published RAPK: objectives, their indicators with the twelve
 * monthly targets and the budget, each indicator expandable to its budget rows; the Total and
 * the signature. With highlights (from a comparison), every changed cell shows old -> new.
 */
export function DocumentView({
  document: doc,
  highlights = none,
  expanded: initiallyOpen = closed,
  idPrefix = "doc",
}: {
  document: PlanDocument;
  highlights?: Highlights;
  /** Indicators shown with their budget rows open (a comparison opens those whose rows changed). */
  expanded?: ReadonlySet<string>;
  idPrefix?: string;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const [open, setOpen] = useState<ReadonlySet<string>>(initiallyOpen);
  useEffect(() => setOpen(initiallyOpen), [initiallyOpen]);
  const toggle = useCallback(
    (id: string) =>
      setOpen((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  // A national plan has thousands of indicators: the page renders them a page at a time, so that
  // opening it and moving along the timeline stay quick; more come as the reader scrolls or asks.
  const [shown, setShown] = useState(PAGE);
  const more = useCallback(() => setShown((n) => n + PAGE), []);
  const moreRow = useRef<HTMLTableRowElement>(null);
  const total = doc.objectives.reduce((n, objective) => n + objective.indicators.length, 0);
  const left = total - shown;
  useEffect(() => {
    const row = moreRow.current;
    if (!row || typeof IntersectionObserver === "undefined") return;
    const watcher = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) more();
    });
    watcher.observe(row);
    return () => watcher.disconnect();
  }, [left > 0, more]);

  if (!doc.plan) return <p class="empty">{t.noPlan}</p>;
  let room = shown;

  return (
    <article class="document" aria-label={`${t.documentTitle} ${doc.plan.year}`}>
      <header class="document-head">
        <p class="document-title">
          {doc.plan.title ?? `${t.documentTitle} ${t.year.toUpperCase()} ${doc.plan.year}`}
        </p>
        <p>{doc.plan.unit}</p>
        <p>{doc.plan.agency}</p>
      </header>
      <div class="table-scroll">
        <table class="rapk">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>{t.no}</th>
              <th scope="col" rowSpan={2}>{t.objective}</th>
              <th scope="col" rowSpan={2}>{t.indicator}</th>
              <th scope="colgroup" colSpan={12}>{t.target}</th>
              <th scope="col" rowSpan={2}>{t.budget}</th>
            </tr>
            <tr>
              {MONTHS.map((m) => (
                <th scope="col" key={m} class="month">
                  <abbr title={monthName(m, language)}>{monthCode(m)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {doc.objectives.map((objective) => {
              if (room <= 0) return null;
              const indicators = objective.indicators.slice(0, room);
              room -= indicators.length;
              const span = Math.max(1, indicators.reduce((n, i) => n + rowsOf(i, open.has(i.id)), 0));
              if (indicators.length === 0)
                return (
                  <tr key={objective.code}>
                    <ObjectiveCells objective={objective} span={span} highlights={highlights} />
                    <td colSpan={COLUMNS - 2} />
                  </tr>
                );
              return indicators.map((indicator, index) => (
                <IndicatorRows
                  key={indicator.id}
                  indicator={indicator}
                  objective={index === 0 ? objective : null}
                  span={span}
                  expanded={open.has(indicator.id)}
                  onToggle={toggle}
                  highlights={highlights}
                  idPrefix={idPrefix}
                  i18n={i18n}
                />
              ));
            })}
            {left > 0 && (
              <tr class="show-more" ref={moreRow}>
                <td colSpan={COLUMNS}>
                  <button type="button" onClick={more}>
                    {t.showMore(Math.min(PAGE, left), left)}
                  </button>
                </td>
              </tr>
            )}
          </tbody>
          <tfoot>
            <tr class="total">
              <th scope="row" colSpan={COLUMNS - 1}>{t.total}</th>
              <td class={highlights.has(cell.ceiling()) ? "num money is-changed" : "num money"}>
                <Changed highlight={highlights.get(cell.ceiling())} format={rupiah}>
                  {formatRupiah(doc.ceiling)}
                </Changed>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <footer class={highlights.has(cell.signature()) ? "signature is-changed" : "signature"}>
        {doc.signature ? (
          <>
            <p>{t.signedAt(doc.signature.place, formatDate(doc.signature.date, language))}</p>
            <p>{doc.signature.title}</p>
            <p class="signatory">{doc.signature.name ?? t.unnamed}</p>
          </>
        ) : (
          <p>{t.unsigned}</p>
        )}
      </footer>
    </article>
  );
}

const text = (value: number | string | null) => (value === null ? "–" : String(value));
const rupiah = (value: number | string | null) => (typeof value === "number" ? formatRupiah(value) : "–");

/** How many table rows an indicator takes: its own, a budget gap's, and its open budget rows. */
function rowsOf(indicator: DocumentIndicator, expanded: boolean): number {
  return 1 + (indicator.budgetGap ? 1 : 0) + (expanded ? 1 : 0);
}

/** The objective's number and name, spanning the rows of its indicators. */
function ObjectiveCells({ objective, span, highlights }: { objective: DocumentObjective; span: number; highlights: Highlights }) {
  return (
    <>
      <td rowSpan={span} class="no">{objective.number === undefined ? "" : `${objective.number}.`}</td>
      <td rowSpan={span} class="objective">
        <Changed highlight={highlights.get(cell.objectiveName(objective.code))} format={text}>
          {objective.code} - {objective.name}
        </Changed>
      </td>
    </>
  );
}

interface IndicatorRowsProps {
  readonly indicator: DocumentIndicator;
  /** The objective, on its first indicator's row (its cells span the objective's rows). */
  readonly objective: DocumentObjective | null;
  readonly span: number;
  readonly expanded: boolean;
  readonly onToggle: (id: string) => void;
  readonly highlights: Highlights;
  readonly idPrefix: string;
  readonly i18n: I18n;
}

/** Whether two versions of an indicator print the same row (its budget rows too, when open). */
function samePrint(a: DocumentIndicator, b: DocumentIndicator, expanded: boolean): boolean {
  if (a === b) return true;
  if (a.code !== b.code || a.name !== b.name || a.budget !== b.budget || a.statedBudget !== b.statedBudget || a.budgetGap?.en !== b.budgetGap?.en) return false;
  if (a.targets !== b.targets && a.targets.some((target, i) => target !== b.targets[i])) return false;
  if (!expanded) return true;
  return a.contributions.length === b.contributions.length && a.contributions.every((c, i) => c.line === b.contributions[i]?.line && c.amount === b.contributions[i]?.amount);
}

/**
 * One indicator's rows. Each version's document is a new object, but from one version to the
 * next most indicators print the same: their rows are not rendered again (scrubbing a plan of
 * thousands of indicators would otherwise re-render every cell of it at every step).
 */
class IndicatorRows extends Component<IndicatorRowsProps> {
  override shouldComponentUpdate(next: IndicatorRowsProps): boolean {
    const now = this.props;
    return (
      next.objective?.code !== now.objective?.code ||
      next.objective?.name !== now.objective?.name ||
      next.objective?.number !== now.objective?.number ||
      next.span !== now.span ||
      next.expanded !== now.expanded ||
      next.highlights !== now.highlights ||
      next.i18n.language !== now.i18n.language ||
      next.idPrefix !== now.idPrefix ||
      !samePrint(now.indicator, next.indicator, next.expanded)
    );
  }

  override render({ indicator, objective, span, expanded, onToggle, highlights, idPrefix, i18n: { t, language } }: IndicatorRowsProps) {
    const rowsId = `${idPrefix}-rows-${indicator.id}`;
    const number = (value: number | string | null) => (typeof value === "number" ? formatNumber(value, language) : "–");
    return (
      <>
        <tr class="indicator">
          {objective && <ObjectiveCells objective={objective} span={span} highlights={highlights} />}
          <th scope="row" class="indicator-name">
            <button type="button" class="expander" aria-expanded={expanded} aria-controls={rowsId} onClick={() => onToggle(indicator.id)}>
              <span class="chevron" aria-hidden="true">{expanded ? "▾" : "▸"}</span>
              <Changed highlight={highlights.get(cell.indicatorName(indicator.id))} format={text}>
                {indicator.code} - {indicator.name}
              </Changed>
            </button>
          </th>
          {MONTHS.map((m) => {
            const value = indicator.targets[m - 1] ?? null;
            const highlight = highlights.get(cell.target(indicator.id, m));
            return (
              <td key={m} class={highlight ? "num target is-changed" : "num target"}>
                <Changed highlight={highlight} format={number}>
                  {value === null ? <Blank label={t.blank} /> : formatNumber(value, language)}
                </Changed>
              </td>
            );
          })}
          <td class={highlights.has(cell.budget(indicator.id)) ? "num money is-changed" : "num money"}>
            <Changed highlight={highlights.get(cell.budget(indicator.id))} format={rupiah}>
              {formatRupiah(indicator.budget)}
            </Changed>
          </td>
        </tr>
        {/* What the document prints stays beside what the plan derives, with why they differ. */}
        {indicator.budgetGap && (
          <tr class="budget-gap">
            <td colSpan={COLUMNS}>
              <strong>{t.statedBudget}: {formatRupiah(indicator.statedBudget ?? 0)}.</strong> {indicator.budgetGap[language]}
            </td>
          </tr>
        )}
        {expanded && (
          <tr class="budget-rows" id={rowsId}>
            <td colSpan={COLUMNS - 2}>
              <BudgetRows indicator={indicator} highlights={highlights} />
            </td>
          </tr>
        )}
      </>
    );
  }
}

function Blank({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span class="sr-only">{label}</span>
    </>
  );
}

/** An indicator's budget rows: the line (RO, komponen, sub komponen), its pagu and the contribution. */
function BudgetRows({ indicator, highlights }: { indicator: DocumentIndicator; highlights: Highlights }) {
  const { t } = useI18n();
  if (indicator.contributions.length === 0) return <p class="empty">{t.noBudgetRows}</p>;
  return (
    <table class="lines">
      <colgroup>
        <col style={{ width: "4%" }} />
        <col style={{ width: "27%" }} />
        <col style={{ width: "23%" }} />
        <col style={{ width: "18%" }} />
        <col style={{ width: "14%" }} />
        <col style={{ width: "14%" }} />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t.no}</th>
          <th scope="col">{t.output}</th>
          <th scope="col">{t.component}</th>
          <th scope="col">{t.subComponent}</th>
          <th scope="col">{t.budget}</th>
          <th scope="col">{t.contribution}</th>
        </tr>
      </thead>
      <tbody>
        {indicator.contributions.map(({ line, amount }, index) => (
          <tr key={line.id}>
            <td class="no">{index + 1}.</td>
            <td>
              <code>{line.output.code}</code> - {line.output.name}
            </td>
            <td>
              {line.component.code} - {line.component.name}
            </td>
            <td>
              {line.subComponent.code} - {line.subComponent.name}
            </td>
            <td class={highlights.has(cell.pagu(line.id)) ? "num money is-changed" : "num money"}>
              <Changed highlight={highlights.get(cell.pagu(line.id))} format={rupiah}>
                {formatRupiah(line.pagu)}
              </Changed>
            </td>
            <td class={highlights.has(cell.contribution(indicator.id, line.id)) ? "num money is-changed" : "num money"}>
              <Changed highlight={highlights.get(cell.contribution(indicator.id, line.id))} format={rupiah}>
                {formatRupiah(amount)}
              </Changed>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
