import type { SourcedCommand } from "../plan/sourced.js";
import type { ReadSignature } from "./signature.js";
import type { ReadStructure } from "./structure.js";
import type { TitleBlock } from "./titleBlock.js";

/**
 * The commands that record what the table shows, each with the line it was read from: the plan
 * and the Total it states, objectives, indicators with their targets and stated ANGGARAN, each budget line once, the attributed
 * contributions, and the signature last. An unattributed contribution has no indicator to go to: its
 * amount is registered with its line (`unattributed`).
 */
export function toCommands(title: TitleBlock, total: { line: number; ceiling: number }, read: ReadStructure, signature: ReadSignature | undefined): SourcedCommand[] {
  const out: SourcedCommand[] = [
    {
      line: title.line,
      command: { type: "draftPlan", data: { unit: title.unit, agency: title.agency, year: title.year, ceiling: total.ceiling, title: title.title } },
    },
  ];
  out.push({ line: total.line, command: { type: "statePlanTotal", data: { amount: total.ceiling } } });
  for (const o of read.objectives) out.push({ line: o.line, command: { type: "defineObjective", data: { code: o.code, name: o.name, number: o.number } } });
  for (const i of read.indicators) {
    out.push({
      line: i.line,
      command: { type: "defineIndicator", data: { objective: i.objective, code: i.code, name: i.name, unit: i.unit, direction: "higher", shape: i.shape } },
    });
    out.push({ line: i.line, command: { type: "setTargets", data: { indicator: i.id, values: [...i.targets] } } });
    // The ANGGARAN as printed is kept beside the budget the plan derives from the contributions.
    out.push({ line: i.line, command: { type: "stateIndicatorBudget", data: { indicator: i.id, amount: i.stated } } });
  }
  // A KONTRIBUSI printed under no indicator stays with its line, as the amount the document states.
  const unattributed = new Map<string, number>();
  for (const u of read.unattributed) unattributed.set(u.line, (unattributed.get(u.line) ?? 0) + u.amount);
  for (const l of read.lines) {
    const stated = unattributed.get(l.id);
    const data = { output: l.output, component: l.component, subComponent: l.subComponent, pagu: l.pagu };
    out.push({ line: l.line, command: { type: "registerBudgetLine", data: stated === undefined ? data : { ...data, unattributed: stated } } });
  }
  for (const c of read.contributions) out.push({ line: c.row, command: { type: "allocateContribution", data: { indicator: c.indicator, line: c.line, amount: c.amount } } });
  if (signature) {
    const { place, date, title: signatoryTitle, name, line } = signature;
    out.push({ line, command: { type: "signPlan", data: { place, date, title: signatoryTitle, name } } });
  }
  return out;
}
