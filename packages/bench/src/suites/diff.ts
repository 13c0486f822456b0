import { stateAfter } from "@rapk/core";
import { diffStates } from "@rapk/history";
import { SHAPES, generateHistory } from "../generate.js";
import { median, sample } from "../measure.js";
import { type Row, ms } from "../report.js";

/**
 * The diff of two states of the agency's plan (2,000 indicators, 5,000 budget lines): as signed
 * against a year later (every figure reported, budgets revised, targets reviewed), and one
 * month's report against the month before.
 */
export async function diffSuite(log: (message: string) => void): Promise<Row[]> {
  const batches = generateHistory(SHAPES.agency);
  const signed = stateAfter(batches[0]?.events ?? []);
  const states = [signed];
  for (const batch of batches.slice(1)) states.push(stateAfter(batch.events, states.at(-1)));
  const head = states.at(-1) ?? signed;
  const indicators = Object.keys(head.indicators).length;
  const lines = Object.keys(head.lines).length;
  log(`diff: ${indicators} indicators, ${lines} lines; timing`);
  const yearChanges = diffStates(signed, head).changes.length;
  const year = median(await sample(() => diffStates(signed, head), { warmup: 3, runs: 15 }));
  // The change objects of the monthly sections are made on first read of `changes`: what a
  // caller that lists every change pays.
  const yearRead = median(await sample(() => diffStates(signed, head).changes.length, { warmup: 3, runs: 15 }));
  // The last full month: the report batch before the final one (which the 100,000-event cut may shorten).
  const reports = batches.flatMap((batch, i) => (batch.meta.kind === "report" ? [i] : []));
  const month = reports.at(-2) ?? 1;
  const monthBefore = states[month - 1] ?? signed;
  const monthAfter = states[month] ?? head;
  const monthChanges = diffStates(monthBefore, monthAfter).changes.length;
  const oneMonth = median(await sample(() => diffStates(monthBefore, monthAfter), { warmup: 3, runs: 15 }));
  return [
    {
      name: `diff: plan as signed vs a year later (${indicators} indicators, ${lines} lines)`,
      measured: `${ms(year)}, ${yearChanges} changes`,
      goal: "<= 20 ms",
      ratio: year,
      pass: year <= 20,
      figures: { indicators, lines, changes: yearChanges, medianMs: year },
    },
    {
      name: "diff, same, and reading every change",
      measured: `${ms(yearRead)}, ${yearChanges} changes`,
      goal: "report",
      ratio: yearRead,
      figures: { changes: yearChanges, medianMs: yearRead },
    },
    {
      name: "diff: one month's report vs the month before",
      measured: `${ms(oneMonth)}, ${monthChanges} changes`,
      goal: "<= 20 ms",
      ratio: oneMonth,
      pass: oneMonth <= 20,
      figures: { changes: monthChanges, medianMs: oneMonth },
    },
  ];
}
