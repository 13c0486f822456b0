import { type DocumentIndicator, type PlanDocument, formatRupiah, monthCode, monthName } from "@rapk/core";
import { useEffect, useState } from "preact/hooks";
import { useI18n } from "../i18n/i18n.js";
import { formatDate, formatNumber } from "../model/format.js";
import { type Highlights, cell } from "../model/highlights.js";
import { Changed } from "./Changed.js";

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
// NO, objective, indicator, B01..B12, budget.
const COLUMNS = 3 + 12 + 1;

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
  const { t, language } = useI18n();
  const [open, setOpen] = useState<ReadonlySet<string>>(initiallyOpen);
  useEffect(() => setOpen(initiallyOpen), [initiallyOpen]);
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (!doc.plan) return <p class="empty">{t.noPlan}</p>;
  const rupiah = (value: number | string | null) => (typeof value === "number" ? formatRupiah(value) : "–");
  const number = (value: number | string | null) => (typeof value === "number" ? formatNumber(value, language) : "–");
  const text = (value: number | string | null) => (value === null ? "–" : String(value));

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
              const span = Math.max(1, objective.indicators.reduce((n, i) => n + (open.has(i.id) ? 2 : 1), 0));
              const head = (
                <>
                  <td rowSpan={span} class="no">{objective.number === undefined ? "" : `${objective.number}.`}</td>
                  <td rowSpan={span} class="objective">
                    <Changed highlight={highlights.get(cell.objectiveName(objective.code))} format={text}>
                      {objective.code} - {objective.name}
                    </Changed>
                  </td>
                </>
              );
              if (objective.indicators.length === 0)
                return (
                  <tr key={objective.code}>
                    {head}
                    <td colSpan={COLUMNS - 2} />
                  </tr>
                );
              return objective.indicators.flatMap((indicator, index) => {
                const expanded = open.has(indicator.id);
                const rowsId = `${idPrefix}-rows-${indicator.id}`;
                const rows = [
                  <tr key={indicator.id} class="indicator">
                    {index === 0 ? head : null}
                    <th scope="row" class="indicator-name">
                      <button type="button" class="expander" aria-expanded={expanded} aria-controls={rowsId} onClick={() => toggle(indicator.id)}>
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
                  </tr>,
                ];
                // What the document prints stays beside what the plan derives, with why they differ.
                if (indicator.budgetGap)
                  rows.push(
                    <tr key={`${indicator.id}-gap`} class="budget-gap">
                      <td colSpan={COLUMNS}>
                        <strong>{t.statedBudget}: {formatRupiah(indicator.statedBudget ?? 0)}.</strong> {indicator.budgetGap[language]}
                      </td>
                    </tr>,
                  );
                if (expanded)
                  rows.push(
                    <tr key={`${indicator.id}-rows`} class="budget-rows" id={rowsId}>
                      <td colSpan={COLUMNS - 2}>
                        <BudgetRows indicator={indicator} highlights={highlights} />
                      </td>
                    </tr>,
                  );
                return rows;
              });
            })}
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
  const rupiah = (value: number | string | null) => (typeof value === "number" ? formatRupiah(value) : "–");
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
