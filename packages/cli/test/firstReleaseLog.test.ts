import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decideBatch, initialState } from "@rapk/core";
import { EMPTY_HEAD, sealVersion, serializeVersion } from "@rapk/history";
import { importPlan } from "@rapk/import";
import { main } from "../src/main.js";
import { type Run, SEED, tempFolder } from "./helpers.js";

/** Runs rapk with the writer's clock at `now`. */
async function at(now: string, cwd: string, ...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, now: () => new Date(now) });
  return { code, stdout, stderr };
}

/**
 * The seed's 2024 plan as the first release wrote it: version 1 dated (recorded and in force) the
 * day it was written, 2 March 2026, past fiscal year 2024's window (it ends with 2025).
 */
function firstReleaseLog(folder: string): string {
  const imported = importPlan(readFileSync(SEED, "utf8"));
  if (!imported.ok) throw new Error(imported.error.message);
  const events = decideBatch(imported.commands, initialState(), { kind: "draft" });
  if (!events.ok) throw new Error(events.error.message);
  const written = "2026-03-02T10:00:00+07:00";
  const version = sealVersion(EMPTY_HEAD, events.value, { recordedAt: written, effectiveAt: written, actor: "rapk import", reason: "imported from seed.txt", kind: "draft" });
  const file = join(folder, "plan.ndjson");
  writeFileSync(file, serializeVersion(version));
  return file;
}

const report = (meta: Record<string, string>) => ({
  meta: { actor: "Pengelola Kinerja", reason: "Laporan Juni", kind: "report", ...meta },
  commands: [{ type: "reportRealisation", data: { indicator: "01.01", month: 6, value: 98 } }],
});

describe("a log the first release wrote (every version dated the day it was written)", () => {
  it("given a 2024 plan dated 2026, when a revision is applied today, then it is recorded and in force today, and the log verifies", async () => {
    const folder = tempFolder();
    const log = firstReleaseLog(folder);
    expect((await at("2026-12-07T03:00:00Z", folder, "verify", "plan.ndjson")).code).toBe(0);
    writeFileSync(join(folder, "today.json"), JSON.stringify(report({})));
    const applied = await at("2026-12-07T03:00:00Z", folder, "apply", "plan.ndjson", "today.json");
    expect(applied.stderr).toBe("");
    expect(applied.code).toBe(0);
    const last = JSON.parse(readFileSync(log, "utf8").trim().split("\n").at(-1)!);
    expect(last.metadata).toMatchObject({ recordedAt: "2026-12-07T10:00:00+07:00", effectiveAt: "2026-12-07T10:00:00+07:00" });
    expect((await at("2026-12-07T04:00:00Z", folder, "verify", "plan.ndjson")).code).toBe(0);
  });

  it("given that log, a revision dated in 2024 goes back before its last version, and one dated ahead of today past the window is too late", async () => {
    const folder = tempFolder();
    const log = firstReleaseLog(folder);
    const before = readFileSync(log, "utf8");
    writeFileSync(join(folder, "back.json"), JSON.stringify(report({ at: "2024-07-05T10:00:00+07:00" })));
    writeFileSync(join(folder, "ahead.json"), JSON.stringify(report({ at: "2027-01-10T10:00:00+07:00" })));
    const back = await at("2026-12-07T03:00:00Z", folder, "apply", "plan.ndjson", "back.json");
    expect([back.code, back.stderr]).toEqual([2, expect.stringMatching(/TIME_GOES_BACKWARDS/)]);
    const ahead = await at("2026-12-07T03:00:00Z", folder, "apply", "plan.ndjson", "ahead.json");
    expect([ahead.code, ahead.stderr]).toEqual([2, expect.stringMatching(/EFFECTIVE_TOO_LATE.*after it is recorded/)]);
    expect(readFileSync(log, "utf8")).toBe(before);
  });
});
