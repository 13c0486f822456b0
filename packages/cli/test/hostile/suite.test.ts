import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MULTI_LINE_FIELDS, hasRawControl, refusedControl, stringsIn } from "@rapk/core";
import { beforeAll, describe, expect, it } from "vitest";
import { POK_SHIFT, type Run, SEED, importedSeed, rapk, tempFolder } from "../helpers.js";
import { type Hostile, JSON_MUTATIONS, hostileVariants } from "./generate.js";

// The hostile-input suite (docs/reliability.md): generated inputs, never fixed files. Each case
// asserts the exit code, that no stack trace and no raw control character reach the output, and
// that a refused input left every file as it was (and wrote no new one).
export const SUITE = { table: 300, csv: 300, revision: 250, log: 250 } as const;
const SEED_NUMBER = 20_241_207;

const sha = (path: string) => (existsSync(path) ? createHash("sha256").update(readFileSync(path)).digest("hex") : "absent");
const STACK = /\n\s+at |node:internal|\.ts:\d+:\d+|\.js:\d+:\d+\)|internal error/;

/** What every run of the suite must hold, whatever the input: a known exit code, one-line errors, nothing raw. */
function expectSound(run: Run, codes: readonly number[], what: string): void {
  const out = run.stdout + run.stderr;
  expect(codes, `${what}: exit ${run.code}\n${run.stderr.slice(0, 400)}`).toContain(run.code);
  expect(STACK.test(out), `${what}: a stack trace or an internal error\n${out.slice(0, 600)}`).toBe(false);
  expect(hasRawControl(out), `${what}: a raw control character in the output`).toBe(false);
  if (run.code !== 0) expect(run.stderr.split("\n").filter((l) => l !== "").length, `${what}: more than one error line\n${run.stderr.slice(0, 600)}`).toBe(1);
}

/** Every text of a log written by an accepted input passed the gate: no control character outside a note. */
function expectGated(logPath: string, what: string): void {
  for (const line of readFileSync(logPath, "utf8").split("\n").filter((l) => l !== "")) {
    for (const { path, text } of stringsIn(JSON.parse(line))) {
      const multiLine = MULTI_LINE_FIELDS.has(String(path[path.length - 1]));
      expect(refusedControl(text, multiLine), `${what}: ${path.join(".")} holds a control character in the log`).toBeUndefined();
    }
  }
}

async function importEach(cases: readonly Hostile[], name: string): Promise<number> {
  const folder = tempFolder();
  const input = join(folder, name);
  const out = join(folder, "out.ndjson");
  let runs = 0;
  for (const [n, hostile] of cases.entries()) {
    const what = `${name} case ${n} (${hostile.what})`;
    writeFileSync(input, hostile.bytes);
    const run = await rapk(folder, "import", name, "--out", "out.ndjson", "--at", "2024-02-22T10:00:00+07:00");
    runs++;
    expectSound(run, [0, 1], what);
    expect(readFileSync(input).equals(hostile.bytes), `${what}: the input was changed`).toBe(true);
    if (run.code === 0) {
      expectGated(out, what);
      rmSync(out);
    } else expect(existsSync(out), `${what}: a refused import left a log`).toBe(false);
  }
  return runs;
}

describe("the hostile-input suite", () => {
  let seedCsv: string;
  let soundLog: string;

  beforeAll(async () => {
    const folder = await importedSeed();
    const exported = await rapk(folder, "export", "plan.ndjson", "--format", "csv");
    seedCsv = exported.stdout;
    writeFileSync(join(folder, "pok.json"), JSON.stringify(POK_SHIFT, null, 2));
    expect((await rapk(folder, "apply", "plan.ndjson", "pok.json")).code).toBe(0);
    soundLog = readFileSync(join(folder, "plan.ndjson"), "utf8");
  });

  it(`imports ${SUITE.table} hostile variants of the published table's text`, async () => {
    const cases = hostileVariants(readFileSync(SEED, "utf8"), SUITE.table, SEED_NUMBER);
    expect(await importEach(cases, "plan.txt")).toBe(SUITE.table);
  });

  it(`imports ${SUITE.csv} hostile variants of the CSV template`, async () => {
    const cases = hostileVariants(seedCsv, SUITE.csv, SEED_NUMBER + 1);
    expect(await importEach(cases, "plan.csv")).toBe(SUITE.csv);
  });

  it(`applies ${SUITE.revision} hostile revisions, the log unchanged by every refusal`, async () => {
    const folder = tempFolder();
    const log = join(folder, "plan.ndjson");
    const sound = JSON.stringify(POK_SHIFT, null, 2);
    const cases = hostileVariants(sound, SUITE.revision, SEED_NUMBER + 2, JSON_MUTATIONS);
    for (const [n, hostile] of cases.entries()) {
      const what = `revision case ${n} (${hostile.what.slice(0, 200)})`;
      writeFileSync(log, soundLog);
      writeFileSync(join(folder, "revision.json"), hostile.bytes);
      const before = sha(log);
      const run = await rapk(folder, "apply", "plan.ndjson", "revision.json");
      expectSound(run, [0, 1, 2, 3], what);
      if (run.code === 0) expectGated(log, what);
      else expect(sha(log), `${what}: a refused revision changed the log`).toBe(before);
    }
  });

  it(`reads ${SUITE.log} hostile logs: verify, show and apply agree, and a refusal changes nothing`, async () => {
    const folder = tempFolder();
    const log = join(folder, "plan.ndjson");
    writeFileSync(join(folder, "rename.json"), JSON.stringify({ meta: { actor: "Admin", reason: "uji", kind: "rapk", at: "2024-05-01T09:00:00+07:00" }, commands: [{ type: "renameIndicator", data: { indicator: "01.01", name: "Nama baru" } }] }));
    const cases = hostileVariants(soundLog, SUITE.log, SEED_NUMBER + 3);
    for (const [n, hostile] of cases.entries()) {
      const what = `log case ${n} (${hostile.what.slice(0, 200)})`;
      writeFileSync(log, hostile.bytes);
      const verify = await rapk(folder, "verify", "plan.ndjson");
      expectSound(verify, [0, 1], `${what}: verify`);
      expect(readFileSync(log).equals(hostile.bytes), `${what}: verify changed the log`).toBe(true);
      const show = await rapk(folder, "show", "plan.ndjson");
      expectSound(show, [0, 1], `${what}: show`);
      const apply = await rapk(folder, "apply", "plan.ndjson", "rename.json");
      expectSound(apply, [0, 1, 2], `${what}: apply`);
      // What verify accepts, apply appends to (or refuses for the revision's sake, exit 2).
      if (verify.code === 0) expect(apply.code, `${what}: verify accepts the log but apply refuses it\n${apply.stderr.slice(0, 300)}`).not.toBe(1);
      if (apply.code !== 0 && !/cut an uncommitted tail/.test(apply.stderr)) expect(readFileSync(log).equals(hostile.bytes), `${what}: a refused apply changed the log`).toBe(true);
    }
  });
});
