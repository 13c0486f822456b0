import { type PlanCommand, type PlanState, decideBatch } from "@rapk/core";
import { type FieldProblem, parseRupiah } from "./reportCommands.js";

/** A Revisi POK as typed: line id -> its new pagu, as text. */
export type PokDraft = Readonly<Record<string, string>>;

export interface BuiltPok {
  readonly commands: readonly PlanCommand[];
  /** A line's field refused (not whole Rupiah), or a refusal of core's, on the line it names when it names one. */
  readonly problems: readonly { readonly line?: string; readonly problem: FieldProblem }[];
  /** The lines' pagu summed, before and after. */
  readonly totalBefore: number;
  readonly totalAfter: number;
}

/**
 * A Revisi POK: a reviseBudget for each line whose pagu is typed anew, decided as one batch of kind
 * `pok` by core's own decideBatch on the plan as the server gave it, so the invariants the server
 * will check are checked here as the member types: the ceiling kept (CEILING_EXCEEDED), no line
 * below what is allocated or spent from it (LINE_OVER_ALLOCATED, LINE_OVERSPENT).
 */
export function buildPok(draft: PokDraft, state: PlanState): BuiltPok {
  const commands: PlanCommand[] = [];
  const problems: { line?: string; problem: FieldProblem }[] = [];
  let totalBefore = 0;
  let totalAfter = 0;
  for (const line of Object.values(state.lines)) {
    totalBefore += line.pagu;
    const typed = parseRupiah(draft[line.id] ?? "");
    if (typed === "wholeRupiah") problems.push({ line: line.id, problem: "wholeRupiah" });
    const pagu = typeof typed === "number" ? typed : line.pagu;
    totalAfter += pagu;
    if (pagu !== line.pagu) commands.push({ type: "reviseBudget", data: { line: line.id, pagu } } as PlanCommand);
  }
  if (problems.length === 0 && commands.length > 0) {
    const decided = decideBatch(commands, state, { kind: "pok" });
    if (!decided.ok) {
      const { code, message, path } = decided.error;
      const index = typeof path[0] === "number" ? path[0] : undefined;
      const named = index !== undefined ? (commands[index]?.data as { line?: string } | undefined)?.line : commands.map((c) => (c.data as { line: string }).line).find((line) => path.includes(line) || message.includes(line));
      problems.push({ ...(named ? { line: named } : {}), problem: { code, message } });
    }
  }
  return { commands: problems.length === 0 ? commands : [], problems, totalBefore, totalAfter };
}
