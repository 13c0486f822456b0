import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";

/** One line of the results: what was measured, against which goal, and whether it was met. */
export interface Row {
  readonly name: string;
  /** The figures in words, e.g. "1.84 s vs 1.31 s". */
  readonly measured: string;
  /** The goal in words, e.g. "<= 1.5x JSON.parse"; "report" when there is none. */
  readonly goal: string;
  /** The figure the goal is about (a ratio, or milliseconds), when there is one. */
  readonly ratio?: number;
  /** Undefined when the row only reports. */
  readonly pass?: boolean;
  readonly figures: Readonly<Record<string, number>>;
}

export const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(3)} ms`);
export const times = (value: number) => `${value.toFixed(2)}x`;

/** The rows as a plain-text table. */
export function table(rows: readonly Row[]): string {
  const cells = rows.map((row) => [row.name, row.measured, row.goal, row.ratio === undefined ? "" : row.ratio.toFixed(2), row.pass === undefined ? "-" : row.pass ? "pass" : "FAIL"]);
  const header = ["benchmark", "measured", "goal", "figure", "result"];
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((row) => (row[i] as string).length)));
  const line = (row: readonly string[]) => row.map((cell, i) => cell.padEnd(widths[i] as number)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

/** The machine the figures come from. */
export function machine(): Record<string, string | number> {
  return { node: process.version, cores: cpus().length, cpu: cpus()[0]?.model ?? "unknown", platform: `${process.platform} ${process.arch}` };
}

/** Writes the rows as JSON into `dir`/bench.json and returns the file's path. */
export function writeJson(dir: URL, rows: readonly Row[]): string {
  mkdirSync(dir, { recursive: true });
  const file = new URL("bench.json", dir);
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), rows }, null, 2)}\n`);
  return file.pathname;
}
