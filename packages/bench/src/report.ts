import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { GOALS, type Goal, goalOf } from "./goals.js";

/** One line of the results: what was measured, against which goal, and whether it was met. */
export interface Row {
  readonly name: string;
  /** The figures in words, e.g. "1.84 s vs 1.31 s". */
  readonly measured: string;
  /** The goal in words, e.g. "<= 1.5x JSON.parse"; "report" when there is none. */
  readonly goal: string;
  /** The goal of issue 12 the row measures (goals.ts), when it measures one. */
  readonly goalId?: string;
  /** The figure the goal is about, under the name goals.ts gives it: a ratio, or milliseconds. */
  readonly ratio?: number;
  readonly p99Ms?: number;
  readonly p95Ms?: number;
  readonly medianMs?: number;
  /** Undefined when the row only reports. */
  readonly pass?: boolean;
  readonly figures: Readonly<Record<string, number>>;
}

export const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(3)} ms`);
export const times = (value: number) => `${value.toFixed(2)}x`;

/** The figure a row's goal is about, whichever name it has. */
export const figureOf = (row: Row): number | undefined => row.ratio ?? row.p99Ms ?? row.p95Ms ?? row.medianMs;

const result = (row: Row) => (row.pass === undefined ? "-" : row.pass ? "pass" : "FAIL");

/** The row of a goal measured: its figure under the goal's name, and whether it meets the goal. */
export function goalRow(id: string, value: number, measured: string, figures: Readonly<Record<string, number>>): Row {
  const goal = goalOf(id);
  return { goalId: id, name: goal.what, measured, goal: goal.goal, [goal.figure]: value, ...(goal.meets ? { pass: goal.meets(value) } : {}), figures };
}

/** The row of a goal its suite ran for but could not measure (`why`): a miss when the goal has a threshold. */
export function unmeasuredRow(goal: Goal, why: string): Row {
  return { goalId: goal.id, name: goal.what, measured: `not measured: ${why}`, goal: goal.goal, ...(goal.meets ? { pass: false } : {}), figures: {} };
}

/** The rows as a plain-text table. */
export function table(rows: readonly Row[]): string {
  const cells = rows.map((row) => [row.name, row.measured, row.goal, figureOf(row)?.toFixed(2) ?? "", result(row)]);
  const header = ["benchmark", "measured", "goal", "figure", "result"];
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((row) => (row[i] as string).length)));
  const line = (row: readonly string[]) => row.map((cell, i) => cell.padEnd(widths[i] as number)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

/** The machine the figures come from. */
export function machine(): Record<string, string | number> {
  return { node: process.version, cores: cpus().length, cpu: cpus()[0]?.model ?? "unknown", platform: `${process.platform} ${process.arch}`, load: loadavg()[0]?.toFixed(1) ?? "?" };
}

export const TABLE_START = "<!-- bench-table: written by `pnpm bench --json` from one run; do not edit by hand -->";
export const TABLE_END = "<!-- /bench-table -->";

const cell = (text: string) => text.replaceAll("|", "\\|");

/**
 * docs/performance.md's table of goals from one run's rows: every goal of issue 12, with the
 * figures measured, the goal and whether it was met; a goal whose suite did not run says so.
 */
export function goalsTable(rows: readonly Row[], run: { date: string; suites: readonly string[]; machine: Record<string, string | number> }): string {
  const { node, cores, cpu, platform, load } = run.machine;
  const lines = [
    `Run of ${run.date} (suites: ${run.suites.join(", ")}) on ${cpu}, ${cores} cores, ${platform}, Node ${node}, load average ${load} at the end.`,
    "",
    "| goal | measured | goal | figure | result |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const goal of GOALS) {
    const row = rows.find((candidate) => candidate.goalId === goal.id);
    const value = row && figureOf(row);
    lines.push(`| ${cell(goal.what)} | ${cell(row?.measured ?? "not run in this run")} | ${cell(goal.goal)} | ${value === undefined ? "" : `${value.toFixed(2)}${goal.figure === "ratio" ? "x" : " ms"}`} | ${row ? (row.pass === undefined ? "report" : row.pass ? "met" : "**missed**") : "-"} |`);
  }
  return lines.join("\n");
}

/** `markdown` with the text between the table's markers replaced by `table`; throws when the markers are missing. */
export function withGoalsTable(markdown: string, table: string): string {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`the markers ${TABLE_START} and ${TABLE_END} are missing or out of order`);
  return `${markdown.slice(0, start + TABLE_START.length)}\n${table}\n${markdown.slice(end)}`;
}

/** Rewrites the goals table in the markdown file `file` (docs/performance.md). */
export function writeGoalsTable(file: URL, table: string): string {
  writeFileSync(file, withGoalsTable(readFileSync(file, "utf8"), table));
  return file.pathname;
}

/** Writes the rows as JSON into `dir`/bench.json and returns the file's path. */
export function writeJson(dir: URL, rows: readonly Row[], date: string): string {
  mkdirSync(dir, { recursive: true });
  const file = new URL("bench.json", dir);
  writeFileSync(file, `${JSON.stringify({ date, machine: machine(), rows }, null, 2)}\n`);
  return file.pathname;
}
