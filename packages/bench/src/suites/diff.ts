import { stateAfter } from "@rapk/core";
import { diffStates } from "@rapk/history";
import { SHAPES, generateHistory } from "../generate.js";
import { median, percentile, sample } from "../measure.js";
import { type Row, goalRow, ms } from "../report.js";

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
  const yearTimes = await sample(() => diffStates(signed, head), { warmup: 3, runs: 15 });
  const year = median(yearTimes);
  // The change objects of the monthly sections are made on first read of `changes`: what a
  // caller that lists every change pays.
  const yearRead = median(await sample(() => diffStates(signed, head).changes.length, { warmup: 3, runs: 15 }));
  // The last full month: the report batch before the final one (which the 100,000-event cut may shorten).
  const reports = batches.flatMap((batch, i) => (batch.meta.kind === "report" ? [i] : []));
  const month = reports.at(-2) ?? 1;
  const monthBefore = states[month - 1] ?? signed;
  const monthAfter = states[month] ?? head;
  const monthChanges = diffStates(monthBefore, monthAfter).changes.length;
  const monthTimes = await sample(() => diffStates(monthBefore, monthAfter), { warmup: 3, runs: 15 });
  const oneMonth = median(monthTimes);
  return [
    goalRow("diff-year", year, `median ${ms(year)} (p99 ${ms(percentile(yearTimes, 99))} of 15), ${yearChanges} changes`, { indicators, lines, changes: yearChanges, medianMs: year, p99Ms: percentile(yearTimes, 99) }),
    {
      name: "diff, same, and reading every change",
      measured: `${ms(yearRead)}, ${yearChanges} changes`,
      goal: "report",
      medianMs: yearRead,
      figures: { changes: yearChanges, medianMs: yearRead },
    },
    goalRow("diff-month", oneMonth, `median ${ms(oneMonth)} (p99 ${ms(percentile(monthTimes, 99))} of 15), ${monthChanges} changes`, { changes: monthChanges, medianMs: oneMonth, p99Ms: percentile(monthTimes, 99) }),
  ];
}
