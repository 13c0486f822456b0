import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { POK_SHIFT, ROOT, expectOneLineError, importedSeed, rapk, tempFolder, writeJson } from "./helpers.js";
import { pdfPagePng, pdfPageSizes, pdfText } from "./pdf.js";

// Amounts as an Indonesian reader expects them, without the Rp of the table cells: 70.412.160.
const idAmount = (n: number) => new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 }).format(n);
const lastHash = (log: string) => JSON.parse(readFileSync(log, "utf8").trim().split("\n").at(-1)!).hash as string;

interface ShownPlan {
  plan: { ceiling: number };
  indicators: { id: string; budget: number; statedBudget?: number; contributions: { line: string; amount: number }[] }[];
  lines: { id: string; pagu: number; unattributed: number }[];
  signature: { name: string; place: string };
}

describe("rapk print", () => {
  it("says Revisi ke-N with its date under the title of a revised RAPK, and nothing of the kind before it", async () => {
    const folder = tempFolder();
    const history = join(ROOT, "packages/examples/loka-pom-rejang-lebong-2024-history.ndjson");
    // Version 5 of the bundled history is a revised RAPK (kind rapk), effective 15 April 2024.
    expect((await rapk(folder, "print", history, "--out", "revised.pdf")).code).toBe(0);
    expect(await pdfText(join(folder, "revised.pdf"))).toContain("BADAN PENGAWAS OBAT DAN MAKANAN Revisi ke-1, 15 April 2024");
    expect((await rapk(folder, "print", history, "--as-of", "4", "--out", "signed.pdf")).code).toBe(0);
    expect(await pdfText(join(folder, "signed.pdf"))).not.toContain("Revisi ke-");
    expect((await rapk(folder, "print", history, "--out", "revised.html")).code).toBe(0);
    expect(readFileSync(join(folder, "revised.html"), "utf8")).toContain('<span class="revision">Revisi ke-1, 15 April 2024</span>');
  });

  it("prints the imported seed to a PDF whose text carries the plan's figures, Total, signature and provenance", async () => {
    const folder = await importedSeed();
    const run = await rapk(folder, "print", "plan.ndjson", "--out", "plan.pdf");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const pdf = join(folder, "plan.pdf");
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");

    // It renders: every page A4 landscape, and pdf.js draws the first to a PNG.
    const sizes = await pdfPageSizes(pdf);
    const pages = sizes.length;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(new Set(sizes.map((s) => `${s.width} x ${s.height}`))).toEqual(new Set(["841.89 x 595.28"]));
    const png = await pdfPagePng(pdf, 1, 40);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(5_000);

    const shown = JSON.parse((await rapk(folder, "show", "plan.ndjson", "--json")).stdout) as ShownPlan;
    const text = await pdfText(pdf);
    expect(text).toContain("RENCANA AKSI PERJANJIAN KINERJA TAHUN 2024");
    expect(text).toContain("NO. SASARAN KEGIATAN INDIKATOR KINERJA KEGIATAN");
    expect(text).toMatch(/Total 4\.801\.300\.000/);
    expect(shown.plan.ceiling).toBe(4_801_300_000);
    for (const indicator of shown.indicators) {
      for (const c of indicator.contributions) expect(text, `${indicator.id} / ${c.line}`).toContain(idAmount(c.amount));
    }
    for (const line of shown.lines.filter((l) => shown.indicators.some((i) => i.contributions.some((c) => c.line === l.id))))
      expect(text, line.id).toContain(idAmount(line.pagu));
    // Where the document states an ANGGARAN the rows do not add up to, both are printed (the seed's pages are missing).
    const differing = shown.indicators.filter((i) => i.statedBudget !== undefined && i.statedBudget !== i.budget);
    expect(differing.map((i) => i.id)).toContain("01.07");
    for (const i of differing) expect(text, i.id).toContain(`${idAmount(i.statedBudget!)} dihitung ${idAmount(i.budget)}`);
    // What the document attributes to no indicator is printed, with each line's amount.
    const unattributed = shown.lines.filter((l) => l.unattributed > 0);
    expect(unattributed).toHaveLength(3);
    expect(text).toContain("Kontribusi tanpa indikator");
    for (const l of unattributed) expect(text, l.id).toContain(`${idAmount(l.pagu)} ${idAmount(l.unattributed)}`);
    expect(text).toContain("Rejang Lebong, 22 Februari 2024");
    expect(text).toContain("Kepala LokaPOM di Kabupaten Rejang Lebong");
    expect(text).toContain(shown.signature.name);
    // Every page's footer: version, effective date, the log's head hash.
    const footers = text.match(/rapk · versi 1 · berlaku 22 Februari 2024 \(2024-02-22T10:00:00\+07:00\) · hash kepala log ([0-9a-f]{64})/g) ?? [];
    expect(footers).toHaveLength(pages);
    expect(footers[0]).toContain(lastHash(join(folder, "plan.ndjson")));
  });

  it("prints an earlier version with that version's figures and hash, and an HTML page of the same layout", async () => {
    const folder = await importedSeed();
    writeJson(folder, "pok.json", POK_SHIFT);
    const versionOneHash = lastHash(join(folder, "plan.ndjson"));
    expect((await rapk(folder, "apply", "plan.ndjson", "pok.json")).code).toBe(0);

    expect((await rapk(folder, "print", "plan.ndjson", "--out", "now.html")).code).toBe(0);
    const now = readFileSync(join(folder, "now.html"), "utf8");
    expect(now).toMatch(/^<!doctype html>/);
    expect(now).toContain("@page { size: A4 landscape");
    expect(now).toMatch(/<tr data-line="DR\.3165\.QIC\.004\.053\.A">.*?45\.400\.000<\/td><td class="num">45\.400\.000<\/td><\/tr>/);
    expect(now).toContain(`versi 2 · berlaku 2 April 2024 (2024-04-02T09:00:00+07:00) · hash kepala log ${lastHash(join(folder, "plan.ndjson"))}`);

    expect((await rapk(folder, "print", "plan.ndjson", "--as-of", "1", "--format", "html", "--out", "then.page"))).toMatchObject({ code: 0 });
    const then = readFileSync(join(folder, "then.page"), "utf8");
    expect(then).toMatch(/<tr data-line="DR\.3165\.QIC\.004\.053\.A">.*?50\.400\.000<\/td><td class="num">50\.400\.000<\/td><\/tr>/);
    expect(then).toContain(`versi 1 · berlaku 22 Februari 2024 (2024-02-22T10:00:00+07:00) · hash kepala log ${versionOneHash}`);
  });

  it("escapes what the plan says: a name with markup prints as text", async () => {
    const folder = await importedSeed();
    writeJson(folder, "rename.json", {
      meta: { actor: "Admin", reason: "uji", kind: "rapk", at: "2024-03-01T09:00:00+07:00" },
      commands: [{ type: "renameIndicator", data: { indicator: "01.01", name: "<script>alert(1)</script> & co" } }],
    });
    expect((await rapk(folder, "apply", "plan.ndjson", "rename.json")).code).toBe(0);
    expect((await rapk(folder, "print", "plan.ndjson", "--out", "plan.html")).code).toBe(0);
    const html = readFileSync(join(folder, "plan.html"), "utf8");
    expect(html).not.toContain("<script>");
    expect(html).toContain("01 - &lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
  });

  it("refuses an --out whose format it cannot tell, and writing over the log, in one line each", async () => {
    const folder = await importedSeed();
    const unknown = await rapk(folder, "print", "plan.ndjson", "--out", "plan.docx");
    expect(unknown.code).toBe(1);
    expect(expectOneLineError(unknown)).toBe("rapk: plan.docx: cannot tell the format from the extension (expected .pdf, .html); say it with --format");
    const badFormat = await rapk(folder, "print", "plan.ndjson", "--out", "plan.pdf", "--format", "docx");
    expect(expectOneLineError(badFormat)).toBe("rapk: --format docx: expected pdf, html");
    const overLog = await rapk(folder, "print", "plan.ndjson", "--out", "plan.ndjson", "--format", "pdf");
    expect(expectOneLineError(overLog)).toBe("rapk: plan.ndjson: --out must not be the log itself");
    expect(readFileSync(join(folder, "plan.ndjson"), "utf8").startsWith("{")).toBe(true);
  });
});
