import { type EvidenceRef, type Language, type PlanState, formatRupiah, monthName } from "@rapk/core";
import { formatNumber } from "../model/format.js";
import type { WorkbenchDictionary } from "./dictionary.js";

interface CommandLike {
  readonly type: string;
  readonly data?: unknown;
}

/** A command in words: what a report proposes (an indicator's realisation, a line's spending), or its type. */
export function commandText(command: CommandLike, state: PlanState, w: WorkbenchDictionary, language: Language): string {
  const data = (command.data ?? {}) as Record<string, unknown>;
  const month = typeof data.month === "number" ? monthName(data.month, language) : "";
  if (command.type === "reportRealisation") {
    const indicator = String(data.indicator);
    const name = state.indicators[indicator]?.name;
    const ratio = typeof data.numerator === "number" && typeof data.denominator === "number" ? ` (${formatNumber(data.numerator, language)}/${formatNumber(data.denominator, language)})` : "";
    return w.reportsRealisation(name ? `${indicator} ${name}` : indicator, month, `${formatNumber(Number(data.value), language)}${ratio}`);
  }
  if (command.type === "reportSpending") {
    const line = String(data.line);
    const name = state.lines[line]?.subComponent.name;
    return w.reportsSpending(name ? `${line} ${name}` : line, month, formatRupiah(Number(data.amount)));
  }
  if (command.type === "setTarget") {
    const indicator = String(data.indicator);
    const name = state.indicators[indicator]?.name;
    return w.setsTarget(name ? `${indicator} ${name}` : indicator, month, data.value === null ? "–" : formatNumber(Number(data.value), language));
  }
  if (command.type === "reviseBudget") {
    const line = String(data.line);
    const name = state.lines[line]?.subComponent.name;
    return w.pokChange(name ? `${line} ${name}` : line, formatRupiah(state.lines[line]?.pagu ?? 0), formatRupiah(Number(data.pagu)));
  }
  return w.otherCommand(command.type);
}

/** The evidence files the commands cite, each once (by SHA-256). */
export function evidenceOf(commands: readonly CommandLike[]): EvidenceRef[] {
  const files = new Map<string, EvidenceRef>();
  for (const command of commands) for (const ref of ((command.data as { evidence?: EvidenceRef[] } | undefined)?.evidence ?? [])) files.set(ref.sha256, ref);
  return [...files.values()];
}

/** The notes a realisation carries, in the form's words, for the inbox to show beside it. */
export function notesOf(command: CommandLike, w: WorkbenchDictionary): string[] {
  const data = (command.data ?? {}) as Record<string, unknown>;
  const notes: string[] = [];
  if (typeof data.note === "string") notes.push(w.fieldOf(w.note, data.note));
  if (typeof data.obstacles === "string") notes.push(w.fieldOf(w.obstacles, data.obstacles));
  if (typeof data.followUp === "string") notes.push(w.fieldOf(w.followUp, data.followUp));
  return notes;
}
