import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectOneLineError, importedSeed, rapk } from "./helpers.js";

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const META = '"meta": {"actor": "KPA", "reason": "Revisi POK", "kind": "pok", "at": "2024-03-11T10:00:00+07:00"}';
const COMMAND = '{"type": "reviseBudget", "data": {"line": "DR.3165.QIC.004.053.A", "pagu": 45400000}}';

/** Applies a revision file with this text; the log must come out byte for byte as it went in. */
async function refused(text: string) {
  const folder = await importedSeed();
  const log = join(folder, "plan.ndjson");
  writeFileSync(join(folder, "revision.json"), text);
  const before = sha256(log);
  const run = await rapk(folder, "apply", "plan.ndjson", "revision.json");
  expect(sha256(log)).toBe(before);
  return run;
}

describe("revisions that cannot be meant are refused, the log unchanged", () => {
  it("a key written twice in one object (JSON.parse would keep the last)", async () => {
    const run = await refused(`{${META},\n "commands": [{"type": "reviseBudget", "data": {"line": "DR.3165.QIC.004.053.A", "pagu": 45400000, "pagu": 1}}]}`);
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toBe('rapk: revision.json:2: names the key "pagu" twice in one object; say it once');
  });

  it.each(["__proto__", "constructor", "toString", "\\u005f_proto__"])("a key named after Object.prototype's %s", async (key) => {
    const run = await refused(`{${META}, "commands": [${COMMAND}], "${key}": {"polluted": true}}`);
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toMatch(/rapk: revision\.json:1: uses the key "(__proto__|constructor|toString)", which is reserved/);
  });

  it("an actor over 1,000 characters, or with a newline", async () => {
    const long = await refused(`{"meta": {"actor": "${"a".repeat(1001)}", "reason": "r", "kind": "pok"}, "commands": [${COMMAND}]}`);
    expect(long.code).toBe(1);
    expect(long.stderr).toMatch(/meta\.actor is longer than 1,000 characters/);
    const newline = await refused(`{"meta": {"actor": "KPA", "reason": "one\\ntwo", "kind": "pok"}, "commands": [${COMMAND}]}`);
    expect(newline.code).toBe(1);
    expect(newline.stderr).toMatch(/meta\.reason must be one line without control characters/);
  });

  it("a revision file over 5 MB, before it is read whole", async () => {
    const run = await refused(`{${META}, "commands": [${COMMAND}], "padding": "${"x".repeat(5 * 1024 * 1024)}"}`);
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toMatch(/^rapk: revision\.json: is \d+ bytes; a revision file may be at most 5242880 bytes \(5 MB\)$/);
  });

  it("a revision taking effect in 2204 or a December report dated 1 April (exit 2)", async () => {
    const far = await refused(`{"meta": {"actor": "KPA", "reason": "r", "kind": "pok", "at": "2204-03-11T10:00:00+07:00"}, "commands": [${COMMAND}]}`);
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/EFFECTIVE_TOO_LATE/);
    const early = await refused(
      `{"meta": {"actor": "KPA", "reason": "r", "kind": "report", "at": "2024-04-01T10:00:00+07:00"}, "commands": [{"type": "reportRealisation", "data": {"indicator": "01.01", "month": 12, "value": 50}}]}`,
    );
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/REPORT_BEFORE_MONTH/);
  });
});
