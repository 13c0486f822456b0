import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { importPlan } from "@rapk/import";
import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { type Run, SEED, expectOneLineError, importedSeed, rapk, tempFolder } from "./helpers.js";

/** Runs `rapk` in-process with these environment variables (LANG, LC_ALL). */
async function rapkWithEnv(env: Record<string, string>, cwd: string, ...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env, now: () => new Date("2024-02-23T08:00:00.000Z") });
  return { code, stdout, stderr };
}

const seedFindings = () => {
  const imported = importPlan(readFileSync(SEED, "utf8"));
  if (!imported.ok) throw new Error(imported.error.message);
  return imported.findings;
};

describe("the import is part of the record", () => {
  it("given the seed imported, when show --json reads the log, then it has the 21 findings, each in both languages", async () => {
    const folder = await importedSeed();
    const run = await rapk(folder, "show", "plan.ndjson", "--json");
    expect(run.code).toBe(0);
    const { findings } = JSON.parse(run.stdout) as { findings: { code: string; line: number; subject?: string; message: { id: string; en: string } }[] };
    expect(findings).toHaveLength(21);
    // What the log holds is what the importer found, read back from version 1 (not from the source).
    expect(findings).toEqual(seedFindings());
    for (const finding of findings) {
      expect(Object.keys(finding)).toEqual(finding.subject === undefined ? ["code", "line", "message"] : ["code", "line", "subject", "message"]);
      expect(finding.message.id).toMatch(new RegExp(`^Baris ${finding.line}: \\S`));
      expect(finding.message.en).toMatch(new RegExp(`^Line ${finding.line}: \\S`));
    }
    expect(findings.filter((f) => f.code === "BUDGET_MISMATCH").map((f) => f.subject)).toEqual(["01.07", "05.01", "09.03"]);
    // Asked again, show answers from the snapshot beside the log: the findings come with it.
    expect(existsSync(join(folder, "plan.ndjson.snapshot.json"))).toBe(true);
    expect((await rapk(folder, "show", "plan.ndjson", "--json")).stdout).toBe(run.stdout);
  });

  it("given the seed imported, when verify --json checks the log, then it carries the import's record: source, importer and the 21 findings", async () => {
    const folder = await importedSeed();
    const run = await rapk(folder, "verify", "plan.ndjson", "--json");
    expect(run.code).toBe(0);
    const { ok, imports } = JSON.parse(run.stdout) as { ok: boolean; imports: { version: number; source: { name: string; size: number; sha256: string }; importer: string; findings: unknown[] }[] };
    expect(ok).toBe(true);
    const seed = readFileSync(SEED);
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ version: 1, source: { size: seed.length, sha256: createHash("sha256").update(seed).digest("hex") }, importer: expect.stringMatching(/^@rapk\/import@/) });
    expect(imports[0]!.findings).toEqual(seedFindings());
  });

  it("given the source file is gone, when show and log read the log, then they still say what the source was and what was missing", async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, "rapk-2024.txt"), readFileSync(SEED));
    expect((await rapk(folder, "import", "rapk-2024.txt", "--out", "plan.ndjson")).code).toBe(0);
    writeFileSync(join(folder, "rapk-2024.txt"), "");
    const commit = JSON.parse(readFileSync(join(folder, "plan.ndjson"), "utf8").trimEnd().split("\n").at(-1)!);
    expect(commit.metadata.source).toEqual({ name: "rapk-2024.txt", size: readFileSync(SEED).length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(commit.metadata.importer).toMatch(/^@rapk\/import@\d+\.\d+\.\d+$/);

    const shown = await rapk(folder, "show", "plan.ndjson");
    expect((await rapk(folder, "show", "plan.ndjson")).stdout).toBe(shown.stdout);
    expect(shown.stdout).toContain(`version 1 was imported from rapk-2024.txt (16.549 bytes, SHA-256 ${commit.metadata.source.sha256}) by ${commit.metadata.importer}`);
    expect(shown.stdout).toContain("  BUDGET_MISMATCH [09.03]: Line 121: Indicator 09.03 states a budget (ANGGARAN) of Rp398.300.000, but its budget rows add up to only Rp0");
    const log = await rapk(folder, "log", "plan.ndjson", "--lang", "id");
    expect(log.stdout).toContain(`versi 1 diimpor dari rapk-2024.txt (16.549 byte, SHA-256 ${commit.metadata.source.sha256}) oleh ${commit.metadata.importer}`);
    expect(log.stdout).toContain("  BUDGET_MISMATCH [09.03]: Baris 121: Anggaran indikator 09.03 tertulis Rp398.300.000");
  });
});

describe("--lang and the locale", () => {
  it("given no --lang and no locale, when the seed is imported, then findings are in English", async () => {
    const run = await rapkWithEnv({}, tempFolder(), "import", SEED, "--out", "plan.ndjson");
    expect(run.stdout).toMatch(/^findings: 21 \(/m);
    expect(run.stdout).toContain("  BLANK_TARGET [11.04]: Line 140: Indicator 11.04 has no target for January");
  });

  it("given --lang id, when the seed is imported, then findings are in Indonesian, codes unchanged", async () => {
    const run = await rapkWithEnv({}, tempFolder(), "import", SEED, "--out", "plan.ndjson", "--lang", "id");
    expect(run.stdout).toMatch(/^temuan: 21 \(BLANK_TARGET 1, /m);
    expect(run.stdout).toContain("  BLANK_TARGET [11.04]: Baris 140: Indikator 11.04 tidak punya target untuk bulan Januari");
  });

  it("given LANG=id_ID.UTF-8, rapk speaks Indonesian; LC_ALL overrides LANG; --lang overrides both", async () => {
    const folder = await importedSeed();
    const indonesian = /^temuan: 21 /m;
    expect((await rapkWithEnv({ LANG: "id_ID.UTF-8" }, folder, "verify", "plan.ndjson")).stdout).toMatch(indonesian);
    expect((await rapkWithEnv({ LANG: "id_ID.UTF-8", LC_ALL: "en_US.UTF-8" }, folder, "verify", "plan.ndjson")).stdout).toMatch(/^findings: 21 /m);
    expect((await rapkWithEnv({ LANG: "en_US.UTF-8", LC_ALL: "id_ID.UTF-8" }, folder, "verify", "plan.ndjson")).stdout).toMatch(indonesian);
    expect((await rapkWithEnv({ LANG: "id_ID.UTF-8" }, folder, "--lang", "en", "verify", "plan.ndjson")).stdout).toMatch(/^findings: 21 /m);
  });

  it("given --lang xx, when rapk runs, then it refuses with one line and exit 1", async () => {
    const run = await rapkWithEnv({}, tempFolder(), "import", SEED, "--out", "plan.ndjson", "--lang", "xx");
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toBe("rapk: --lang xx: expected id (Bahasa Indonesia) or en (English)");
  });

  it("given a refused revision, when the error is printed, then the code stays and its plain words follow in the language asked for", async () => {
    const folder = await importedSeed();
    const early = { meta: { actor: "Tim", reason: "koreksi", kind: "pok", at: "2024-01-05T09:00:00+07:00" }, commands: [{ type: "reviseBudget", data: { line: "DR.3165.QIC.004.053.A", pagu: 45_400_000 } }] };
    writeFileSync(join(folder, "early.json"), JSON.stringify(early));
    const before = readFileSync(join(folder, "plan.ndjson"), "utf8");
    const english = await rapk(folder, "apply", "plan.ndjson", "early.json");
    expect(english.code).toBe(2);
    expect(expectOneLineError(english)).toMatch(
      /^rapk: early\.json:\d+: rejected: TIME_GOES_BACKWARDS: .* \(in plain words: This date is earlier than the log's last version; a correction of an earlier version is recorded as a new version that names the version it corrects\.\)$/,
    );
    const indonesian = await rapk(folder, "apply", "plan.ndjson", "early.json", "--lang", "id");
    expect(indonesian.code).toBe(2);
    expect(expectOneLineError(indonesian)).toMatch(/^rapk: early\.json:\d+: rejected: TIME_GOES_BACKWARDS: .* \(artinya: Tanggal ini lebih awal daripada versi terakhir dalam log; .*\)$/);
    expect(readFileSync(join(folder, "plan.ndjson"), "utf8")).toBe(before);
  });

  it("given a source that cannot be imported, when the error is printed, then it names the line, the code and what it means", async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, "bad.txt"), "%PDF-1.7 not text\n");
    const run = await rapk(folder, "import", "bad.txt", "--out", "plan.ndjson", "--lang", "id");
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toMatch(/^rapk: bad\.txt:1: cannot be imported: BINARY_INPUT: .* \(artinya: Ini bukan berkas teks \(mungkin PDF atau lembar kerja\); .*\)$/);
  });
});
