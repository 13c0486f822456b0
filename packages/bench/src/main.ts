import { parseArgs } from "node:util";
import { useSha256 } from "@rapk/history";
// What `rapk` does at start: history hashes through node:crypto (see suites/hash.ts for the figures).
import { nodeSha256Hex } from "../../cli/src/nodeSha256.js";
import { GOALS } from "./goals.js";
import { type Row, goalsTable, machine, table, unmeasuredRow, writeGoalsTable, writeJson } from "./report.js";
import { diffSuite } from "./suites/diff.js";
import { emmettSuite } from "./suites/emmett.js";
import { fileAppendSuite } from "./suites/fileAppend.js";
import { hashSuite } from "./suites/hash.js";
import { postgresSuite } from "./suites/postgres.js";
import { processSuite } from "./suites/process.js";
import { replaySuite } from "./suites/replay.js";
import { serveLoadSuite } from "./suites/serveLoad.js";
import { timeTravelSuite } from "./suites/timeTravel.js";
import { viewerSuite } from "./suites/viewer.js";

const SUITES = { hash: hashSuite, replay: replaySuite, emmett: emmettSuite, "time-travel": timeTravelSuite, diff: diffSuite, process: processSuite, postgres: postgresSuite, "file-append": fileAppendSuite, viewer: viewerSuite, serve: serveLoadSuite } as const;
type SuiteName = keyof typeof SUITES;

const usage = `usage: pnpm bench [--json] [--strict] [--only ${Object.keys(SUITES).join(",")}]
  --json    also write the figures to bench-results/bench.json and the goals table of docs/performance.md
  --strict  exit with status 1 when a goal is missed (or could not be measured)
  --only    run only these suites (comma-separated)`;

async function main(): Promise<number> {
  let options: { json?: boolean; strict?: boolean; only?: string; help?: boolean };
  // `pnpm bench -- --json` hands the script a literal "--" first.
  const args = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === "--"));
  try {
    options = parseArgs({
      args,
      options: { json: { type: "boolean" }, strict: { type: "boolean" }, only: { type: "string" }, help: { type: "boolean", short: "h" } },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  if (options.help) {
    console.log(usage);
    return 0;
  }
  const names = (options.only?.split(",").map((name) => name.trim()) ?? Object.keys(SUITES)) as SuiteName[];
  const unknown = names.filter((name) => !(name in SUITES));
  if (unknown.length > 0) {
    console.error(`unknown suite ${unknown.join(", ")}\n${usage}`);
    return 2;
  }
  if (!(globalThis as { gc?: unknown }).gc) console.error("note: run node with --expose-gc for memory figures and steadier timings");
  const { node, cores, cpu } = machine();
  console.error(`rapk benchmarks on ${cpu}, ${cores} cores, Node ${node}`);
  const rows: Row[] = [];
  const started = performance.now();
  const failed = new Map<string, string>();
  for (const name of names) {
    try {
      rows.push(...(await SUITES[name]((message) => console.error(`  ${message}`))));
    } catch (error) {
      // A suite that cannot run (a part missing) is reported, and its goals count as missed.
      const why = error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
      console.error(`  ${name}: FAILED: ${why}`);
      failed.set(name, why);
    }
  }
  // Every goal of the suites run gets a row, measured or not; a full run covers every goal.
  for (const goal of GOALS) {
    const ran = options.only === undefined || names.includes(goal.suite as SuiteName);
    if (ran && !rows.some((row) => row.goalId === goal.id)) rows.push(unmeasuredRow(goal, failed.get(goal.suite) ?? (goal.suite in SUITES ? "the suite gave no figure" : "no benchmark yet")));
  }
  const goals = rows.filter((row) => row.pass !== undefined);
  const met = goals.filter((row) => row.pass).length;
  console.log(`\n${table(rows)}\n\n${met} of ${goals.length} goals met`);
  console.error(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  // bench-results/ at the workspace root (this file runs as packages/bench/dist/main.js).
  if (options.json) {
    const date = new Date().toISOString();
    console.log(`figures written to ${writeJson(new URL("../../../bench-results/", import.meta.url), rows, date)}`);
    const doc = writeGoalsTable(new URL("../../../docs/performance.md", import.meta.url), goalsTable(rows, { date, suites: names, machine: machine() }));
    console.log(`goals table written to ${doc}`);
  }
  return options.strict && met < goals.length ? 1 : 0;
}

useSha256(nodeSha256Hex);
process.exitCode = await main();
