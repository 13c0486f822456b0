import { type EvidenceRef, type PlanCommand, type PlanState, checkInvariantsSince, decide, evolve } from "@rapk/core";

/** What the officer typed for one indicator in the month (every field as text, as typed). */
export interface IndicatorEntry {
  readonly numerator: string;
  readonly denominator: string;
  /** The value typed for an indicator reported without a ratio (a score, an index); ignored when a ratio is given. */
  readonly value: string;
  readonly note: string;
  readonly obstacles: string;
  readonly followUp: string;
}

/** What the officer typed for one budget line in the month. */
export interface SpendingEntry {
  readonly amount: string;
  readonly note: string;
}

export interface ReportDraft {
  readonly month: number;
  readonly indicators: Readonly<Record<string, IndicatorEntry>>;
  readonly spending: Readonly<Record<string, SpendingEntry>>;
}

export const EMPTY_INDICATOR: IndicatorEntry = { numerator: "", denominator: "", value: "", note: "", obstacles: "", followUp: "" };
export const EMPTY_SPENDING: SpendingEntry = { amount: "", note: "" };

/** Why a field is refused, as the form says it; a code of core's is worded by its own messages. */
export type FieldProblem = "notANumber" | "negative" | "denominatorZero" | "ratioIncomplete" | "wholeRupiah" | { readonly code: string; readonly message: string };

/** Where a problem is: an indicator's or a line's field. */
export interface Problem {
  readonly at: { readonly indicator: string; readonly field: "numerator" | "denominator" | "value" } | { readonly line: string; readonly field: "amount" };
  readonly problem: FieldProblem;
}

/**
 * The realisation a numerator and a denominator give: numerator / denominator x 100, rounded to
 * two decimals as published reports round it (23 of 36 is 63.89), which core's decide checks
 * (RATIO_MISMATCH).
 */
export function ratioValue(numerator: number, denominator: number): number {
  return Math.round((numerator / denominator) * 100 * 100) / 100;
}

/** A measure as typed: `63.89` or, the Indonesian way, `63,89`; undefined when blank. */
export function parseMeasure(text: string): number | "notANumber" | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (!/^-?\d+([.,]\d+)?$/.test(trimmed)) return "notANumber";
  return Number(trimmed.replace(",", "."));
}

/** Whole Rupiah as typed: `12500000`, or grouped the Indonesian way `12.500.000` (or `12 500 000`); undefined when blank. */
export function parseRupiah(text: string): number | "wholeRupiah" | undefined {
  const trimmed = text.trim().replace(/^Rp\s?/i, "");
  if (trimmed === "") return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (/^\d{1,3}([.\s]\d{3})+$/.test(trimmed)) return Number(trimmed.replace(/[.\s]/g, ""));
  return "wholeRupiah";
}

const optionalText = (key: "note" | "obstacles" | "followUp", text: string) => (text.trim() === "" ? {} : { [key]: text.trim() });

/** An indicator's entry as a realisation: its value and ratio, or a problem; undefined when nothing is typed. */
export type Realised =
  | { readonly ok: true; readonly value: number; readonly numerator?: number; readonly denominator?: number }
  | { readonly ok: false; readonly at: "numerator" | "denominator" | "value"; readonly problem: FieldProblem };

export function realisationOf(entry: IndicatorEntry): Realised | undefined {
  const numerator = parseMeasure(entry.numerator);
  const denominator = parseMeasure(entry.denominator);
  if (numerator === "notANumber") return { ok: false, at: "numerator", problem: "notANumber" };
  if (denominator === "notANumber") return { ok: false, at: "denominator", problem: "notANumber" };
  if (numerator !== undefined && numerator < 0) return { ok: false, at: "numerator", problem: "negative" };
  if (denominator !== undefined && denominator < 0) return { ok: false, at: "denominator", problem: "negative" };
  if ((numerator === undefined) !== (denominator === undefined)) return { ok: false, at: numerator === undefined ? "numerator" : "denominator", problem: "ratioIncomplete" };
  if (numerator !== undefined && denominator !== undefined) {
    if (denominator === 0) return { ok: false, at: "denominator", problem: "denominatorZero" };
    return { ok: true, value: ratioValue(numerator, denominator), numerator, denominator };
  }
  const value = parseMeasure(entry.value);
  if (value === "notANumber") return { ok: false, at: "value", problem: "notANumber" };
  if (value !== undefined && value < 0) return { ok: false, at: "value", problem: "negative" };
  return value === undefined ? undefined : { ok: true, value };
}

export interface BuiltReport {
  readonly commands: readonly PlanCommand[];
  readonly problems: readonly Problem[];
}

/**
 * The month's report as commands (docs/events.md): a reportRealisation for each indicator with a
 * figure, a reportSpending for each line with an amount, each citing the evidence; every command
 * decided by core's own `decide` against the plan as the server gave it, and the month's spending
 * checked against each line's pagu (LINE_OVERSPENT) as the server will check it, so that what the
 * form proposes is refused here, field by field, before it is sent.
 */
export function buildReport(draft: ReportDraft, state: PlanState, evidence: readonly EvidenceRef[] = []): BuiltReport {
  const commands: PlanCommand[] = [];
  const problems: Problem[] = [];
  const cited = evidence.length > 0 ? { evidence: [...evidence] } : {};
  let after = state;
  const decided = (command: PlanCommand, at: Problem["at"]) => {
    const result = decide(command, after, { kind: "report" });
    if (!result.ok) {
      problems.push({ at, problem: { code: result.error.code, message: result.error.message } });
      return;
    }
    commands.push(command);
    for (const event of result.value) after = evolve(after, event);
  };
  for (const [indicator, entry] of Object.entries(draft.indicators)) {
    const realisation = realisationOf(entry);
    if (realisation === undefined) continue;
    if (!realisation.ok) {
      problems.push({ at: { indicator, field: realisation.at }, problem: realisation.problem });
      continue;
    }
    const { ok: _, ...figures } = realisation;
    const data = { indicator, month: draft.month, ...figures, ...optionalText("note", entry.note), ...optionalText("obstacles", entry.obstacles), ...optionalText("followUp", entry.followUp), ...cited };
    decided({ type: "reportRealisation", data } as PlanCommand, { indicator, field: figures.numerator === undefined ? "value" : "numerator" });
  }
  for (const [line, entry] of Object.entries(draft.spending)) {
    const amount = parseRupiah(entry.amount);
    if (amount === undefined) continue;
    if (amount === "wholeRupiah") {
      problems.push({ at: { line, field: "amount" }, problem: "wholeRupiah" });
      continue;
    }
    const before = after;
    const count = commands.length;
    decided({ type: "reportSpending", data: { line, month: draft.month, amount, ...optionalText("note", entry.note), ...cited } } as PlanCommand, { line, field: "amount" });
    if (commands.length === count) continue;
    const overspent = checkInvariantsSince(before, after).find((violation) => violation.code === "LINE_OVERSPENT");
    if (overspent) {
      commands.pop();
      after = before;
      problems.push({ at: { line, field: "amount" }, problem: { code: overspent.code, message: overspent.message } });
    }
  }
  return { commands, problems };
}
