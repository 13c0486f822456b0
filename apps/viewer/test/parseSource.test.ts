import { logHeadOf, serializeLog, sha256Hex } from "@rapk/history";
import { exportCsv } from "@rapk/import";
import { stateAfter } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "../src/model/limits.js";
import { IMPORT_ACTOR, importedEvents } from "../src/model/importSource.js";
import { parseSource } from "../src/model/parseSource.js";
import { smallHistory } from "./fixtures/history.js";
import { smallPlan } from "./fixtures/plan.js";
import { readSeed } from "./fixtures/seed.js";

const SEED = readSeed();
const NOW = () => "2024-07-01T08:00:00+07:00";

describe("parseSource", async () => {
  it("opens an event log and verifies its chain", async () => {
    const events = smallHistory();
    const outcome = await parseSource(serializeLog(events), "plan.ndjson", NOW);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.loaded.origin).toBe("log");
    // The versions and the plan after each, folded as the log was verified: core's replay agrees.
    const { versions, states, heads } = outcome.loaded.history;
    expect(versions.map((v) => v.number)).toEqual([1, 2, 3, 4]);
    for (const v of [0, 2, 4]) expect(states[v]).toEqual(stateAfter(events.filter((e) => e.version <= v)));
    expect(heads.at(-1)).toBe(logHeadOf(events).head);
    // The head is the last version's commit record's hash (log format v2).
    expect(outcome.loaded.verification).toEqual({ ok: true, value: { events: events.length, versions: 4, lastHash: logHeadOf(events).head } });
  });

  it("still opens a log whose chain is broken, saying where", async () => {
    const lines = serializeLog(smallHistory()).split("\n");
    lines[9] = lines[9]!.replace(/"pagu":\d+/, '"pagu":1');
    const outcome = await parseSource(lines.join("\n"), "plan.ndjson", NOW);
    expect(outcome.ok && outcome.loaded.verification).toMatchObject({ ok: false, error: { line: 10, code: "HASH_MISMATCH" } });
    // Shown for what it claims, every version of it, beside the alert.
    expect(outcome.ok && outcome.loaded.history.versions.length).toBe(4);
  });

  it("refuses a log line that reads two ways (a key twice, or named __proto__), naming the line and the field", async () => {
    const lines = serializeLog(smallHistory()).split("\n");
    const doubled = [...lines];
    doubled[0] = doubled[0]!.replace('"data":{', '"data":{"unit":"Loka POM Palsu",');
    expect(await parseSource(doubled.join("\n"), "plan.ndjson", NOW)).toMatchObject({ ok: false, error: { line: 1, code: "DUPLICATE_KEY", message: expect.stringMatching(/^data\.unit is written twice/) } });
    const polluted = [...lines];
    polluted[1] = polluted[1]!.replace('"data":{', '"data":{"__proto__":{"polluted":true},');
    expect(await parseSource(polluted.join("\n"), "plan.ndjson", NOW)).toMatchObject({ ok: false, error: { line: 2, code: "RESERVED_KEY" } });
  });

  it("refuses a malformed log, naming the line", async () => {
    const lines = serializeLog(smallHistory()).split("\n");
    lines[2] = "{ this is not json";
    const outcome = await parseSource(lines.join("\n"), "plan.ndjson", NOW);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.line).toBe(3);
  });

  it("imports the published table into one version, with the importer's findings", async () => {
    const outcome = await parseSource(SEED, "rapk-2024.txt", NOW);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.loaded.origin).toBe("import");
    expect(outcome.loaded.verification).toBeNull();
    const { versions, states } = outcome.loaded.history;
    expect(versions.map((v) => v.number)).toEqual([1]);
    expect(versions[0]).toMatchObject({ actor: IMPORT_ACTOR, reason: "imported from rapk-2024.txt", kind: "draft", recordedAt: NOW() });
    // In force from the day it was signed (22 February 2024), not from when the viewer opened it.
    expect(versions[0]).toMatchObject({ effectiveAt: "2024-02-22T00:00:00+07:00" });
    expect(outcome.loaded.findings.length).toBeGreaterThan(0);
    expect(states[1]!.signature).not.toBeNull();
  });

  it("records the import in its version (source file, importer, findings) and reads it back from any log", async () => {
    const imported = await parseSource(SEED, "rapk-2024.txt", NOW);
    if (!imported.ok) throw new Error(imported.error.message);
    const metadata = imported.loaded.history.versions[0]!;
    expect(metadata.source).toEqual({ name: "rapk-2024.txt", size: new TextEncoder().encode(SEED).length, sha256: sha256Hex(SEED) });
    expect(metadata.importer).toMatch(/^@rapk\/import@\d+\.\d+\.\d+$/);
    expect(metadata.findings).toEqual(imported.loaded.findings);
    // Written out and opened again as a log, the plan still says what the import found.
    const made = importedEvents(SEED, "rapk-2024.txt", NOW);
    if (!made.ok) throw new Error(made.error.message);
    const reopened = await parseSource(serializeLog(made.events), "plan.ndjson", NOW);
    if (!reopened.ok) throw new Error(reopened.error.message);
    expect(reopened.loaded.origin).toBe("log");
    expect(reopened.loaded.findings).toEqual(imported.loaded.findings);
    expect(reopened.loaded.imported).toEqual({ source: metadata.source, importer: metadata.importer });
  });

  it("imports the CSV template into the same plan", async () => {
    const plan = smallPlan();
    const outcome = await parseSource(exportCsv(plan), "plan.csv", NOW);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.loaded.origin).toBe("import");
    const imported = outcome.loaded.history.states[1]!;
    expect(imported.indicators).toEqual(plan.indicators);
    expect(imported.contributions).toEqual(plan.contributions);
    expect(imported.lines).toEqual(plan.lines);
  });

  it("says an empty or too large file is one", async () => {
    expect(await parseSource("  \n", "empty.ndjson")).toMatchObject({ ok: false, error: { code: "FILE_EMPTY" } });
    expect(await parseSource(" ".repeat(MAX_FILE_BYTES + 1), "big.txt")).toMatchObject({ ok: false, error: { code: "FILE_TOO_LARGE" } });
  });

  it("gives an importer's refusal as the error", async () => {
    const outcome = await parseSource("just some words\nnothing like a plan\n", "notes.txt", NOW);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toMatch(/\S/);
    expect(outcome.error.message).toMatch(/\S/);
  });
});
