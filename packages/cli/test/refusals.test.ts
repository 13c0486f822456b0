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
    expect(expectOneLineError(run)).toBe('rapk: revision.json:2: names the key "pagu" twice in one object (at commands[0].data.pagu); say it once');
  });

  it.each(["__proto__", "constructor", "toString", "\\u005f_proto__"])("a key named after Object.prototype's %s", async (key) => {
    const run = await refused(`{${META}, "commands": [${COMMAND}], "${key}": {"polluted": true}}`);
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toMatch(/rapk: revision\.json:1: uses the key "(__proto__|constructor|toString)" \(at (__proto__|constructor|toString)\), which is reserved/);
  });

  it("an actor over 1,000 characters, or with a newline", async () => {
    const long = await refused(`{"meta": {"actor": "${"a".repeat(1001)}", "reason": "r", "kind": "pok"}, "commands": [${COMMAND}]}`);
    expect(long.code).toBe(1);
    expect(long.stderr).toMatch(/meta\.actor is longer than 1,000 characters/);
    const newline = await refused(`{"meta": {"actor": "KPA", "reason": "one\\ntwo", "kind": "pok"}, "commands": [${COMMAND}]}`);
    expect(newline.code).toBe(1);
    expect(newline.stderr).toMatch(/meta\.reason holds the control character U\+000A \(at character 4\); it must be one line of text/);
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

  it("an unknown field in a command, refused rather than dropped: `notes` for `note`", async () => {
    const report = `{"meta": {"actor": "KPA", "reason": "laporan Maret", "kind": "report", "at": "2024-04-05T10:00:00+07:00"},
 "commands": [{"type": "reportRealisation", "data": {"indicator": "01.01", "month": 3, "value": 99.5,
   "notes": "semua sampel memenuhi syarat"}}]}`;
    const run = await refused(report);
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toBe(
      'rapk: revision.json:3: is not a revision: command 1 (reportRealisation): data has an unknown field "notes" (did you mean "note"?); it is refused rather than dropped',
    );
  });

  it("an unknown field beside a command's data, or inside a budget line's RO", async () => {
    const beside = await refused(`{${META},\n "commands": [{"type": "reviseBudget", "data": {"line": "DR.3165.QIC.004.053.A", "pagu": 45400000}, "note": "x"}]}`);
    expect(beside.code).toBe(1);
    expect(expectOneLineError(beside)).toBe('rapk: revision.json:2: is not a revision: command 1 (reviseBudget) has an unknown field "note"; it is refused rather than dropped');
    const line = `{"type": "registerBudgetLine", "data": {"output": {"code": "DR.3165.QIC.004", "name": "Sarana", "nmae": "Sarana"}, "component": {"code": "053", "name": "K"}, "subComponent": {"code": "Z", "name": "S"}, "pagu": 1}}`;
    const nested = await refused(`{"meta": {"actor": "KPA", "reason": "r", "kind": "pok", "at": "2024-03-11T10:00:00+07:00"},\n "commands": [${line}]}`);
    expect(nested.code).toBe(1);
    expect(nested.stderr).toMatch(/^rapk: revision\.json:2: is not a revision: command 1 \(registerBudgetLine\): data\.output has an unknown field "nmae" \(did you mean "name"\?\)/);
  });

  it("a percentage realisation over 100 (exit 2: refused by the plan's rule), whether given as a value or as a ratio", async () => {
    const report = (data: string) =>
      `{"meta": {"actor": "KPA", "reason": "laporan Maret", "kind": "report", "at": "2024-04-05T10:00:00+07:00"},\n "commands": [{"type": "reportRealisation",\n "data": ${data}}]}`;
    const value = await refused(report(`{"indicator": "01.01", "month": 3, "value": 5000}`));
    expect(value.code).toBe(2);
    expect(expectOneLineError(value)).toBe(
      "rapk: revision.json:3: rejected: PERCENT_OUT_OF_RANGE: value 5000 is over 100 %: indicator 01.01 is a percentage and none of its targets goes above 100 (at commands[0].data.value) (in plain words: The realisation of a percentage indicator must lie between 0 and 100, unless the indicator's own targets go above 100.)",
    );
    const ratio = await refused(report(`{"indicator": "01.01", "month": 3, "value": 111.11, "numerator": 40, "denominator": 36}`));
    expect(ratio.code).toBe(2);
    expect(ratio.stderr).toMatch(/PERCENT_OUT_OF_RANGE: value 111\.11 is over 100 %/);
  });
});

describe("log lines that read two ways are refused by every command that reads the log, the log unchanged", () => {
  /** The imported seed with one line of its log edited; returns the folder and the log's sha256. */
  async function editedLog(line: number, edit: (text: string) => string) {
    const folder = await importedSeed();
    const log = join(folder, "plan.ndjson");
    const lines = readFileSync(log, "utf8").split("\n");
    lines[line - 1] = edit(lines[line - 1]!);
    writeFileSync(log, lines.join("\n"));
    writeFileSync(join(folder, "revision.json"), `{${META}, "commands": [${COMMAND}]}`);
    return { folder, log, before: sha256(log) };
  }

  it("a key written twice (the last is what JSON.parse keeps, so the hash still matches): show, verify and apply exit 1 naming line and field", async () => {
    const { folder, log, before } = await editedLog(2, (text) => text.replace('"data":{"amount":', '"data":{"amount":1,"amount":'));
    for (const args of [["show", "plan.ndjson"], ["verify", "plan.ndjson"], ["apply", "plan.ndjson", "revision.json"]]) {
      const run = await rapk(folder, ...args);
      expect(run.code, args[0]).toBe(1);
      expect(expectOneLineError(run), args[0]).toMatch(/^rapk: plan\.ndjson:2: .*DUPLICATE_KEY: data\.amount is written twice in one object/);
    }
    expect(sha256(log)).toBe(before);
  });

  it.each(['"__proto__"', '"constructor"', '"\\u0074oString"'])("a key named %s in a log line", async (key) => {
    const { folder, log, before } = await editedLog(1, (text) => text.replace('"data":{', `"data":{${key}:{"polluted":true},`));
    for (const args of [["show", "plan.ndjson"], ["apply", "plan.ndjson", "revision.json"]]) {
      const run = await rapk(folder, ...args);
      expect(run.code, args[0]).toBe(1);
      expect(expectOneLineError(run), args[0]).toMatch(/^rapk: plan\.ndjson:1: .*RESERVED_KEY: data\.(__proto__|constructor|toString) is named after a member of every JavaScript object/);
    }
    expect(sha256(log)).toBe(before);
  });
});
