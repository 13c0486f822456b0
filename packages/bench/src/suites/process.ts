import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SHAPES, generateHistory } from "../generate.js";
import { paired } from "../measure.js";
import { type Row, goalRow, ms, times, unmeasuredRow } from "../report.js";
import { goalOf } from "../goals.js";
import { writeV2Log } from "../storedLog.js";

/** The floor every command pays at least: node starting, reading the file, JSON.parse of each line. */
const FLOOR = `const text = require("node:fs").readFileSync(process.argv[1], "utf8"); let start = 0;
while (start < text.length) { let end = text.indexOf("\\n", start); if (end < 0) end = text.length; JSON.parse(text.slice(start, end)); start = end + 1; }`;

const COMMANDS = { verify: ["verify"], show: ["show"], diff: ["diff", "--from", "1"] } as const;

/**
 * Whole processes on a 1,000,000-event v2 log (the national shape): `rapk verify`, `rapk show`
 * and `rapk diff --from 1` (to the latest version), each timed from spawn to exit against the
 * floor measured in the same run, alternately: `node -e` reading the file and JSON.parse-ing it
 * line by line. Cold: no snapshot beside the log; warm: `show` and `diff` again, with the
 * snapshot the cold run left beside it.
 */
export async function processSuite(log: (message: string) => void): Promise<Row[]> {
  const rapk = fileURLToPath(new URL("../../cli/dist/rapk.js", import.meta.url));
  if (!existsSync(rapk)) throw new Error(`${rapk} is missing: run pnpm build first (the benchmark runs the built CLI)`);
  const folder = mkdtempSync(join(tmpdir(), "rapk-bench-process-"));
  try {
    log("process: writing a 1,000,000-event v2 log");
    const file = writeV2Log(join(folder, "national.ndjson"), generateHistory(SHAPES.national), 1_000_000);
    log(`process: ${Math.round(statSync(file).size / 2 ** 20)} MiB; timing each command against the floor`);
    const run = (args: readonly string[]) => () => {
      const done = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 2 ** 24 });
      if (done.status !== 0) throw new Error(`${args.join(" ")} exited ${done.status ?? done.signal}: ${done.stderr.toString().slice(0, 500)}`);
    };
    const floor = run(["-e", FLOOR, file]);
    const rows: Row[] = [];
    const snapshot = `${file}.snapshot.json`;
    const timed = async (id: string, args: readonly string[], before: () => void) => {
      try {
        const result = await paired(floor, () => (before(), run([rapk, ...args, file])()), { warmup: 0, rounds: 1 });
        log(`process: ${id}: ${ms(result.subject)} vs floor ${ms(result.baseline)} (${times(result.ratio)})`);
        rows.push(goalRow(id, result.ratio, `${ms(result.subject)} vs ${ms(result.baseline)} (${times(result.ratio)})`, { subjectMs: result.subject, floorMs: result.baseline, ratio: result.ratio }));
      } catch (error) {
        // One command failing (out of memory, say) is that goal's miss, not the others'.
        rows.push(unmeasuredRow(goalOf(id), error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)));
      }
    };
    const cold = () => rmSync(snapshot, { force: true });
    for (const [name, args] of Object.entries(COMMANDS)) {
      await timed(`process-${name}-cold`, args, cold);
      if (name !== "verify") {
        // The cold run wrote the snapshot beside the log: the warm one reads the head from it.
        await timed(`process-${name}-warm`, args, () => {
          if (!existsSync(snapshot)) throw new Error(`the cold ${name} wrote no snapshot`);
        });
      }
    }
    rows.push(unmeasuredRow(goalOf("process-verify-warm"), "verify reads and hashes every line by design; no snapshot is trusted for it"));
    return rows;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
