import { type EvidenceRef, type Indicator, MONTHS, formatRupiah, monthName } from "@rapk/core";
import { useMemo, useRef, useState } from "preact/hooks";
import { formatNumber } from "../model/format.js";
import type { WorkbenchApi } from "./api.js";
import { Field } from "./Field.js";
import { useWorkbenchI18n } from "./i18n.js";
import type { MemberKey } from "./keyFile.js";
import type { LoadedPlan } from "./PlanView.js";
import { EMPTY_INDICATOR, EMPTY_SPENDING, type FieldProblem, type IndicatorEntry, type Problem, type ReportDraft, type SpendingEntry, buildReport, realisationOf } from "./reportCommands.js";
import { LineHeader, ProposalFooter, TableHead, ReasonField, useProposal } from "./Proposal.js";

/** Who may propose a report (the policy's proposers of kind `report`). */
export const PROPOSERS: ReadonlySet<string> = new Set(["officer", "verifier"]);

/** The month after the latest one any indicator reported (January before the first report). */
function nextMonth(loaded: LoadedPlan): number {
  const months = Object.values(loaded.state.realisations).flatMap((byMonth) => Object.keys(byMonth).map(Number));
  return months.length === 0 ? 1 : Math.min(12, Math.max(...months) + 1);
}

/**
 * The officer's monthly report: each indicator's numerator and denominator (the value computed as
 * typed, as core checks it), its notes, hambatan and rencana tindak lanjut; spending per budget
 * line; an evidence file cited by every report of it. Each command is decided in the page by
 * core's own `decide` on the plan as the server gave it, and the form shows what it will propose
 * before it is proposed (prepared by the server, signed here, appended). What was typed survives a
 * reload: a form made on a version someone else's step overtook is re-based, not lost.
 */
export function ReportForm({ api, loaded, role, memberKey, onReload }: { api: WorkbenchApi; loaded: LoadedPlan; role: string; memberKey: MemberKey; onReload: () => Promise<void> }) {
  const { w, language } = useWorkbenchI18n();
  const [month, setMonth] = useState(() => nextMonth(loaded));
  const [indicators, setIndicators] = useState<Record<string, IndicatorEntry>>({});
  const [spending, setSpending] = useState<Record<string, SpendingEntry>>({});
  const [reason, setReason] = useState("");
  const [evidenceFiles, setEvidenceFiles] = useState<readonly File[]>([]);
  // Each file goes up once, however many tries the proposal takes (a conflict, a refusal).
  const uploaded = useRef(new Map<File, EvidenceRef>());
  const fileInput = useRef<HTMLInputElement>(null);
  const { busy, outcome, propose: propose_ } = useProposal(api, loaded, memberKey, onReload);
  const draft: ReportDraft = { month, indicators, spending };
  const built = useMemo(() => buildReport(draft, loaded.state), [month, indicators, spending, loaded]);
  const problemAt = (at: Problem["at"]): FieldProblem | undefined =>
    built.problems.find((p) => p.at.field === at.field && ("indicator" in at ? "indicator" in p.at && p.at.indicator === at.indicator : "line" in p.at && p.at.line === at.line))?.problem;

  if (!PROPOSERS.has(role)) return <p>{w.officerOnly}</p>;

  const setIndicator = (id: string, field: keyof IndicatorEntry, value: string) => setIndicators((all) => ({ ...all, [id]: { ...(all[id] ?? EMPTY_INDICATOR), [field]: value } }));
  const setLine = (id: string, field: keyof SpendingEntry, value: string) => setSpending((all) => ({ ...all, [id]: { ...(all[id] ?? EMPTY_SPENDING), [field]: value } }));

  const propose = (event: Event) => {
    event.preventDefault();
    if (built.problems.length > 0 || built.commands.length === 0) return;
    const commands = async () => {
      const evidence: EvidenceRef[] = [];
      for (const file of evidenceFiles) {
        if (!uploaded.current.has(file)) uploaded.current.set(file, await api.uploadEvidence(loaded.plan, file));
        evidence.push(uploaded.current.get(file)!);
      }
      return buildReport(draft, loaded.state, evidence).commands;
    };
    void propose_({ kind: "report", reason: reason.trim() || w.reasonDefault(monthName(month, language)), commands }, () => {
      setIndicators({});
      setSpending({});
      setReason("");
      setEvidenceFiles([]);
      uploaded.current.clear();
      if (fileInput.current) fileInput.current.value = "";
    });
  };

  const lines = Object.values(loaded.state.lines);
  return (
    <form class="wb-report" onSubmit={propose} aria-labelledby="report-title">
      <h3 id="report-title">{w.reportTitle}</h3>
      <div class="wb-field wb-month">
        <label for="wb-month">{w.month}</label>
        <select id="wb-month" value={month} onChange={(event) => setMonth(Number((event.currentTarget as HTMLSelectElement).value))}>
          {MONTHS.map((m) => (
            <option key={m} value={m}>
              {monthName(m, language)}
            </option>
          ))}
        </select>
      </div>

      <fieldset>
        <legend>{w.indicators}</legend>
        <div class="table-scroll">
          <table class="wb-indicators">
            <TableHead columns={[w.indicator, { num: w.target }, w.numerator, w.denominator, w.value]} />
            <tbody>
              {Object.values(loaded.state.indicators).map((indicator) => (
                <IndicatorRow
                  key={indicator.id}
                  indicator={indicator}
                  month={month}
                  reported={loaded.state.realisations[indicator.id]?.[month]?.value}
                  entry={indicators[indicator.id] ?? EMPTY_INDICATOR}
                  onChange={(field, value) => setIndicator(indicator.id, field, value)}
                  problemOf={(field) => problemAt({ indicator: indicator.id, field })}
                />
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>

      <fieldset>
        <legend>{w.spending}</legend>
        <div class="table-scroll">
          <table class="wb-spending">
            <TableHead columns={[w.line, { num: w.pagu }, { num: w.spentBefore }, w.amount, w.note]} />
            <tbody>
              {lines.map((line) => {
                const entry = spending[line.id] ?? EMPTY_SPENDING;
                const spent = Object.entries(loaded.state.spending[line.id] ?? {}).reduce((sum, [m, amount]) => (Number(m) === month ? sum : sum + amount), 0);
                const problem = problemAt({ line: line.id, field: "amount" });
                const what = `${line.id} ${line.subComponent.name}`;
                return (
                  <tr key={line.id}>
                    <LineHeader id={line.id} name={line.subComponent.name} />
                    <td class="num">{formatRupiah(line.pagu)}</td>
                    <td class="num">
                      {formatRupiah(spent)}
                      {loaded.state.spending[line.id]?.[month] !== undefined && <div class="muted">{w.reportedThisMonth(formatRupiah(loaded.state.spending[line.id]![month]!))}</div>}
                    </td>
                    <td>
                      <Field label={w.fieldOf(w.amount, what)} value={entry.amount} onInput={(value) => setLine(line.id, "amount", value)} problem={problem} inputMode="numeric" />
                    </td>
                    <td>
                      <Field label={w.fieldOf(w.note, what)} value={entry.note} onInput={(value) => setLine(line.id, "note", value)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </fieldset>

      <fieldset>
        <legend>{w.evidence}</legend>
        <label class="wb-field">
          <span>{w.evidenceFile}</span>
          <input ref={fileInput} type="file" name="evidence" multiple onChange={(event) => setEvidenceFiles([...((event.currentTarget as HTMLInputElement).files ?? [])])} />
        </label>
        {evidenceFiles.length > 0 && <p class="muted">{w.evidenceAttached(evidenceFiles.map((file) => file.name).join(", "))}</p>}
      </fieldset>

      <ReasonField value={reason} placeholder={w.reasonDefault(monthName(month, language))} onChange={setReason} />

      <ProposalFooter id="preview-title" loaded={loaded} commands={built.commands} empty={w.nothingYet} blocked={built.problems.length > 0} busy={busy} outcome={outcome} onReload={onReload} />
    </form>
  );
}

function IndicatorRow({
  indicator,
  month,
  reported,
  entry,
  onChange,
  problemOf,
}: {
  indicator: Indicator;
  month: number;
  /** What the month's latest report says, which a new one supersedes. */
  reported: number | undefined;
  entry: IndicatorEntry;
  onChange: (field: keyof IndicatorEntry, value: string) => void;
  problemOf: (field: "numerator" | "denominator" | "value") => FieldProblem | undefined;
}) {
  const { w, language } = useWorkbenchI18n();
  const target = indicator.targets[month - 1];
  const what = `${indicator.id} ${indicator.name}`;
  const realised = realisationOf(entry);
  const ratio = realised?.ok === true && realised.numerator !== undefined;
  return (
    <>
      <tr>
        <th scope="row">
          <code>{indicator.id}</code> {indicator.name}
        </th>
        <td class="num">
          {target === null || target === undefined ? "–" : formatNumber(target, language)}
          {reported !== undefined && <div class="muted">{w.reportedThisMonth(formatNumber(reported, language))}</div>}
        </td>
        <td>
          <Field label={w.fieldOf(w.numerator, what)} value={entry.numerator} onInput={(value) => onChange("numerator", value)} problem={problemOf("numerator")} inputMode="decimal" />
        </td>
        <td>
          <Field label={w.fieldOf(w.denominator, what)} value={entry.denominator} onInput={(value) => onChange("denominator", value)} problem={problemOf("denominator")} inputMode="decimal" />
        </td>
        <td>
          {ratio ? (
            <output class="wb-value" aria-label={w.fieldOf(w.value, what)}>
              {formatNumber(realised.value, language)}
            </output>
          ) : (
            <Field label={w.fieldOf(w.value, what)} value={entry.value} onInput={(value) => onChange("value", value)} problem={problemOf("value")} inputMode="decimal" />
          )}
        </td>
      </tr>
      <tr class="wb-notes-row">
        <td colSpan={5}>
          <details>
            <summary>
              {w.note}, {w.obstacles.toLowerCase()}, {w.followUp.toLowerCase()}: <code>{indicator.id}</code>
            </summary>
            <div class="wb-notes">
              <Field label={w.fieldOf(w.note, what)} value={entry.note} onInput={(value) => onChange("note", value)} multiline />
              <Field label={w.fieldOf(w.obstacles, what)} value={entry.obstacles} onInput={(value) => onChange("obstacles", value)} multiline />
              <Field label={w.fieldOf(w.followUp, what)} value={entry.followUp} onInput={(value) => onChange("followUp", value)} multiline />
            </div>
          </details>
        </td>
      </tr>
    </>
  );
}
