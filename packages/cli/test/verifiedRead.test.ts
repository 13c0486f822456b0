import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, rapk, tempFolder } from "./helpers.js";
import { pdfText } from "./pdf.js";
import { readXlsx } from "./xlsx.js";

const HISTORY = join(ROOT, "packages/examples/loka-pom-rejang-lebong-2024-history.ndjson");
const genuine = readFileSync(HISTORY, "utf8");
const lines = genuine.trimEnd().split("\n");
// January's first realisation, 96.15 % in the genuine log (numerator 25 of 26): the figure an editor raises.
const edited = lines.findIndex((line) => line.includes('"type":"RealisationReported"') && line.includes('"value":96.15'));
const tampered = `${lines.map((line, i) => (i === edited ? line.replace('"value":96.15', '"value":99.5') : line)).join("\n")}\n`;
const head = (JSON.parse(lines.at(-1) as string) as { hash: string }).hash;

function folderWith(): string {
  const folder = tempFolder();
  writeFileSync(join(folder, "genuine.ndjson"), genuine);
  writeFileSync(join(folder, "tampered.ndjson"), tampered);
  return folder;
}

describe("every reading command verifies the log it reads", () => {
  it.each([
    ["show"],
    ["log"],
    ["report", "--month", "3"],
    ["report", "--quarter", "1"],
    ["report", "--year"],
    ["print", "--out", "plan.html"],
    ["export", "--format", "csv"],
    ["diff", "--from", "1", "--to", "2"],
  ])("given one realisation edited by hand, then `rapk %s` exits 1 naming the line, and writes nothing", async (command, ...rest) => {
    const folder = folderWith();
    const run = await rapk(folder, command as string, "tampered.ndjson", ...rest);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`tampered.ndjson:${edited + 1}: does not verify: HASH_MISMATCH`);
    expect(run.stderr).toContain("--unverified");
    // The genuine log reads as before.
    expect((await rapk(folder, command as string, "genuine.ndjson", ...rest)).code).toBe(0);
  });

  it("given --unverified, then show says NOT VERIFIED on its first and last line and in --json, and prints the edited figure", async () => {
    const folder = folderWith();
    const text = await rapk(folder, "show", "tampered.ndjson", "--unverified");
    expect(text.code).toBe(0);
    const out = text.stdout.trimEnd().split("\n");
    expect(out[0]).toBe(`NOT VERIFIED (TIDAK TERVERIFIKASI): line ${edited + 1}: HASH_MISMATCH; this shows what the log claims, not a verified record`);
    expect(out.at(-1)).toBe(out[0]);
    expect(text.stderr).toContain("warning");
    const json = JSON.parse((await rapk(folder, "show", "tampered.ndjson", "--unverified", "--json")).stdout);
    expect(json.unverified).toMatchObject({ line: edited + 1, code: "HASH_MISMATCH" });
    expect(JSON.parse((await rapk(folder, "show", "genuine.ndjson", "--json")).stdout).unverified).toBeUndefined();
  });

  it("given --unverified, then a printed page carries NOT VERIFIED and never the genuine head; a verified page carries the head", async () => {
    const folder = folderWith();
    expect((await rapk(folder, "print", "tampered.ndjson", "--unverified", "--out", "bad.html")).code).toBe(0);
    const bad = readFileSync(join(folder, "bad.html"), "utf8");
    expect(bad).toContain("NOT VERIFIED");
    expect(bad).not.toContain(head);
    expect((await rapk(folder, "print", "genuine.ndjson", "--out", "good.html")).code).toBe(0);
    const good = readFileSync(join(folder, "good.html"), "utf8");
    expect(good).toContain(head);
    expect(good).not.toContain("NOT VERIFIED");
  });

  it("given --unverified, then every sheet of a workbook and the CSV say NOT VERIFIED", async () => {
    const folder = folderWith();
    expect((await rapk(folder, "export", "tampered.ndjson", "--unverified", "--format", "xlsx", "--out", "plan.xlsx")).code).toBe(0);
    const book = await readXlsx(join(folder, "plan.xlsx"));
    expect(book.worksheets.length).toBeGreaterThan(0);
    for (const sheet of book.worksheets) {
      expect(sheet.headerFooter.oddHeader).toContain("NOT VERIFIED");
      expect(String(sheet.getRow(sheet.rowCount).getCell(1).value)).toContain("NOT VERIFIED");
    }
    const csv = await rapk(folder, "export", "tampered.ndjson", "--unverified", "--format", "csv");
    expect(csv.stdout.split("\n")[0]).toContain("NOT VERIFIED");
    const diff = await rapk(folder, "diff", "tampered.ndjson", "--unverified", "--from", "1", "--json");
    expect(JSON.parse(diff.stdout).unverified).toMatchObject({ code: "HASH_MISMATCH" });
  });
});

describe("the quarterly and the yearly report of a log that does not verify", () => {
  it.each([["--quarter", "1"], ["--year"]])("given --unverified, then `rapk report %s` says NOT VERIFIED in its text, JSON, every PDF page's footer (no head) and every sheet", async (...period) => {
    const folder = folderWith();
    const text = await rapk(folder, "report", "tampered.ndjson", ...period, "--unverified");
    expect(text.code).toBe(0);
    const out = text.stdout.trimEnd().split("\n");
    expect(out[0]).toContain(`NOT VERIFIED (TIDAK TERVERIFIKASI): line ${edited + 1}: HASH_MISMATCH`);
    expect(out.at(-1)).toBe(out[0]);
    expect(JSON.parse((await rapk(folder, "report", "tampered.ndjson", ...period, "--unverified", "--json")).stdout).unverified).toMatchObject({ line: edited + 1, code: "HASH_MISMATCH" });
    expect((await rapk(folder, "report", "tampered.ndjson", ...period, "--unverified", "--out", "bad.pdf")).code).toBe(0);
    const pdf = await pdfText(join(folder, "bad.pdf"));
    expect(pdf).toContain("NOT VERIFIED");
    expect(pdf).not.toContain(head.slice(0, 16));
    expect((await rapk(folder, "report", "tampered.ndjson", ...period, "--unverified", "--out", "bad.xlsx")).code).toBe(0);
    const book = await readXlsx(join(folder, "bad.xlsx"));
    expect(book.worksheets.length).toBeGreaterThan(0);
    for (const sheet of book.worksheets) expect(sheet.headerFooter.oddHeader).toContain("NOT VERIFIED");
    // The genuine log's reports carry no mark.
    expect((await rapk(folder, "report", "genuine.ndjson", ...period)).stdout).not.toContain("NOT VERIFIED");
    expect((await rapk(folder, "report", "genuine.ndjson", ...period, "--out", "good.pdf")).code).toBe(0);
    expect(await pdfText(join(folder, "good.pdf"))).not.toContain("NOT VERIFIED");
  });
});

describe("who signed: rapk log shows each version's signers, every signature checked", () => {
  it("given versions signed by two keys, then log names each signer's fingerprint; a signature moved to another version fails every read", async () => {
    const folder = tempFolder();
    for (const who of ["kepala", "perencana"]) expect((await rapk(folder, "keygen", "--name", who, "--out", `${who}.key`)).code).toBe(0);
    const key = (who: string) => JSON.parse(readFileSync(join(folder, `${who}.key`), "utf8")) as { publicKey: string };
    writeFileSync(join(folder, "plan.ndjson"), lines.slice(0, lines.findIndex((line) => line.includes('"commit":1,')) + 1).join("\n") + "\n");
    writeFileSync(
      join(folder, "report.json"),
      JSON.stringify({ meta: { actor: "Tim Perencanaan", reason: "January report", kind: "report", at: "2024-02-26T10:00:00+07:00" }, commands: [{ type: "reportSpending", data: { line: "WA.6384.EBA.994.001.A", month: 1, amount: 1_000_000 } }] }),
    );
    const applied = await rapk(folder, "apply", "plan.ndjson", "report.json", "--sign", "perencana.key");
    expect(applied.code).toBe(0);
    const shown = await rapk(folder, "log", "plan.ndjson");
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`ed25519:${key("perencana").publicKey.slice(0, 16)}`);
    expect(shown.stdout).toContain("(unsigned)");
    const json = JSON.parse((await rapk(folder, "log", "plan.ndjson", "--json")).stdout);
    expect(json[1].signers).toEqual([{ publicKey: key("perencana").publicKey, fingerprint: `ed25519:${key("perencana").publicKey.slice(0, 16)}` }]);
    // The officer's signature pasted onto version 1: the chain is intact, the signature is not.
    const signedLines = readFileSync(join(folder, "plan.ndjson"), "utf8").trimEnd().split("\n");
    const signatures = JSON.parse(signedLines.at(-1) as string).signatures;
    const first = signedLines.findIndex((line) => line.includes('"commit":1,'));
    signedLines[first] = (signedLines[first] as string).replace(/\}$/, `,"signatures":${JSON.stringify(signatures)}}`);
    writeFileSync(join(folder, "moved.ndjson"), `${signedLines.join("\n")}\n`);
    for (const command of [["show"], ["log"], ["verify"]]) {
      const run = await rapk(folder, command[0] as string, "moved.ndjson");
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`moved.ndjson:${first + 1}:`);
      expect(run.stderr).toContain("BAD_SIGNATURE");
    }
  });
});
