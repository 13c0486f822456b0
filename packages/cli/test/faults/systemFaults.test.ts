import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hasRawControl } from "@rapk/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED, importedSeed, rapk, tempFolder, writeJson } from "../helpers.js";
import { type ConfinedRun, type Fault, confinedRun } from "./confined.js";

// The system's refusals, each met for real (confined.ts): a full disk (ENOSPC), a read-only file
// system (EROFS), no write permission (EACCES). Each must be one plain line with its own exit
// code (5) and words, never an internal error, and leave every file as it was: no 0-byte log, no
// temporary file, no half-written backup.
const STACK = /\n\s+at |node:internal|\.js:\d+:\d+\)|internal error/;
const WORDS: Record<Fault, RegExp> = {
  "disk-full": /no space left on the device|DISK_FULL/,
  "read-only": /the file system is read-only|READ_ONLY/,
  "no-write-permission": /permission denied|PERMISSION_DENIED/,
};
const FAULTS = Object.keys(WORDS) as Fault[];

/** A revision of 30 renames: its lines (over 4 KiB) cannot fit in the slack of the log's last page on a full disk. */
const MANY_RENAMES = {
  meta: { actor: "Admin", reason: "uji disk penuh", kind: "rapk", at: "2024-03-01T09:00:00+07:00" },
  commands: Array.from({ length: 30 }, (_, n) => ({ type: "renameIndicator", data: { indicator: "01.01", name: `Persentase nama ke-${n + 1} yang cukup panjang untuk mengisi satu baris log` } })),
};

function expectRefused(run: ConfinedRun, fault: Fault, file: RegExp): void {
  const out = run.stdout + run.stderr;
  expect(run.code, `${fault}: ${run.stderr}`).toBe(5);
  expect(STACK.test(out), out).toBe(false);
  expect(hasRawControl(out)).toBe(false);
  const lines = run.stderr.split("\n").filter((line) => line !== "");
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^rapk: /);
  expect(lines[0]).toMatch(file);
  expect(lines[0]).toMatch(WORDS[fault]);
  // Nothing written: every file as it was, and no new one (a log, a temporary file, a backup).
  expect(run.after).toEqual(run.before);
}

describe("the system refuses a write: a full disk, a read-only file system, no write permission", () => {
  let inputs: string;

  beforeAll(async () => {
    const seeded = await importedSeed();
    // Kept for the whole file (tempFolder's are removed after each test).
    inputs = mkdtempSync(join(tmpdir(), "rapk-faults-"));
    copyFileSync(SEED, join(inputs, "seed.txt"));
    copyFileSync(join(seeded, "plan.ndjson"), join(inputs, "plan.ndjson"));
    writeJson(inputs, "rev.json", MANY_RENAMES);
    // The same log with the tail a writer that died mid-append leaves: a repair or an append cuts it first.
    mkdirSync(join(inputs, "torn"));
    copyFileSync(join(seeded, "plan.ndjson"), join(inputs, "torn", "plan.ndjson"));
    const firstEvent = readFileSync(join(seeded, "plan.ndjson"), "utf8").split("\n")[0] as string;
    appendFileSync(join(inputs, "torn", "plan.ndjson"), firstEvent.slice(0, 120));
    // The revision is sound: on a sound disk it is applied (so a refusal below is the system's).
    const sound = tempFolder();
    copyFileSync(join(seeded, "plan.ndjson"), join(sound, "plan.ndjson"));
    writeJson(sound, "rev.json", MANY_RENAMES);
    const applied = await rapk(sound, "apply", "plan.ndjson", "rev.json");
    expect(applied.code, applied.stderr).toBe(0);
    expect(readFileSync(join(sound, "plan.ndjson")).length - readFileSync(join(seeded, "plan.ndjson")).length).toBeGreaterThan(4096);
  });

  afterAll(() => {
    if (inputs) rmSync(inputs, { recursive: true, force: true });
  });

  it.each(FAULTS)("%s: import --out writes no log at all (no 0-byte file, no temporary file), exit 5", (fault) => {
    const run = confinedRun(tempFolder(), inputs, fault, "import", "seed.txt", "--out", "new.ndjson", "--at", "2024-02-22T10:00:00+07:00");
    expectRefused(run, fault, /new\.ndjson/);
    expect(run.after.some((line) => line.startsWith("new.ndjson"))).toBe(false);
  });

  it.each(FAULTS)("%s: apply leaves the log byte for byte as it was, exit 5", (fault) => {
    expectRefused(confinedRun(tempFolder(), inputs, fault, "apply", "plan.ndjson", "rev.json"), fault, /plan\.ndjson/);
  });

  it.each(FAULTS)("%s: apply on a log with a torn tail cuts nothing and keeps no half-written copy of the tail, exit 5", (fault) => {
    expectRefused(confinedRun(tempFolder(), inputs, fault, "apply", "torn/plan.ndjson", "rev.json"), fault, /plan\.ndjson/);
  });

  it.each(FAULTS)("%s: repair of a torn tail cuts nothing and keeps no half-written backup, exit 5", (fault) => {
    expectRefused(confinedRun(tempFolder(), inputs, fault, "repair", "torn/plan.ndjson"), fault, /plan\.ndjson/);
  });

  it.each(FAULTS)("%s: export --out writes no file, exit 5", (fault) => {
    expectRefused(confinedRun(tempFolder(), inputs, fault, "export", "plan.ndjson", "--format", "csv", "--out", "plan.csv"), fault, /plan\.csv/);
  });

  it("reads as usual where nothing is written: show on a read-only file system, exit 0", () => {
    const run = confinedRun(tempFolder(), inputs, "read-only", "show", "plan.ndjson");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Loka POM/);
    expect(run.after).toEqual(run.before);
  });
});
