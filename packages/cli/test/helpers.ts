import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";
import { main } from "../src/main.js";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const BINARY = join(ROOT, "packages/cli/dist/rapk.js");
export const SEED = process.env.RAPK_SEED ?? join(ROOT, "packages/examples/sources/rapk-2024-loka-pom-rejang-lebong.txt");

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "rapk-cli-"));
  folders.push(folder);
  return folder;
}

/** Runs `rapk` in-process, as the binary would, in `cwd`. */
export async function rapk(cwd: string, ...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    now: () => new Date("2024-02-23T08:00:00.000Z"),
  });
  return { code, stdout, stderr };
}

/** Runs the built binary in a child process. */
export function rapkBinary(cwd: string, ...argv: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BINARY, ...argv], { cwd, encoding: "utf8" }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export function writeJson(folder: string, name: string, value: unknown): string {
  writeFileSync(join(folder, name), `${JSON.stringify(value, null, 2)}\n`);
  return name;
}

/** An error as the CLI must print it: one line, starting `rapk: `, no stack frames. */
export function expectOneLineError(run: Run): string {
  const lines = run.stderr.split("\n").filter((line) => line !== "");
  if (lines.length !== 1) throw new Error(`expected one error line, got ${lines.length}:\n${run.stderr}`);
  const line = lines[0]!;
  if (!line.startsWith("rapk: ")) throw new Error(`error line does not start with "rapk: ": ${line}`);
  if (/\n\s+at |node:internal|\.ts:\d+:\d+|\.js:\d+:\d+\)/.test(run.stderr)) throw new Error(`stack trace printed:\n${run.stderr}`);
  return line;
}

/**
 * A Revisi POK that moves Rp5.000.000 between two lines of one output (DR.3165.QIC.004, both
 * serving indicator 01.05): pagu and contribution follow, the indicator's budget and the total
 * ceiling stay.
 */
export const POK_SHIFT = {
  meta: { actor: "Kepala Loka POM", reason: "Revisi POK 1: pertemuan nasional terpadu", reference: "ND-01/POK/2024", kind: "pok", at: "2024-04-02T09:00:00+07:00" },
  commands: [
    { type: "reviseBudget", data: { line: "DR.3165.QIC.004.053.A", pagu: 45_400_000 } },
    { type: "allocateContribution", data: { indicator: "01.05", line: "DR.3165.QIC.004.053.A", amount: 45_400_000 } },
    { type: "reviseBudget", data: { line: "DR.3165.QIC.004.055.A", pagu: 32_600_000 } },
    { type: "allocateContribution", data: { indicator: "01.05", line: "DR.3165.QIC.004.055.A", amount: 32_600_000 } },
  ],
};

/** A "Revisi POK" that raises the total ceiling: only a Revisi DIPA may, so the domain refuses it. */
export const POK_CEILING = {
  meta: { actor: "Kepala Loka POM", reason: "tambahan pagu", kind: "pok", at: "2024-04-03T09:00:00+07:00" },
  commands: [{ type: "reviseCeiling", data: { ceiling: 4_900_000_000 } }],
};

/** The SEED imported to `plan.ndjson` in a new folder. */
export async function importedSeed(): Promise<string> {
  const folder = tempFolder();
  const run = await rapk(folder, "import", SEED, "--out", "plan.ndjson", "--at", "2024-02-22T10:00:00+07:00");
  if (run.code !== 0) throw new Error(`import failed: ${run.stderr}`);
  return folder;
}
