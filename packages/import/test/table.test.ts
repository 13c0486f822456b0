import { IndicatorId, indicatorBudget } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { importTable } from "../src/index.js";
import { content, failed, ok } from "./support/result.js";
import { SEED, editSeed, fixture, seedLines, withCell } from "./support/seed.js";

const seed = ok(importTable(SEED));
const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code);

describe("another unit's plan in the same layout (synthetic fixture)", () => {
  const result = ok(importTable(fixture("rapk-2025-loka-pom-contoh.txt")));
  const { state } = result;

  it("reads title block, Total and signature (Indonesian month name, NIP line left out)", () => {
    expect(state.plan).toEqual({ title: "RENCANA AKSI PERJANJIAN KINERJA TAHUN 2025", unit: "LOKA POM DI KABUPATEN CONTOH", agency: "BADAN PENGAWAS OBAT DAN MAKANAN", year: 2025, ceiling: 65_000_000, statedTotal: 65_000_000 });
    expect(state.signature).toEqual({ place: "Contoh", date: "2025-03-05", title: "Kepala Loka POM di Kabupaten Contoh", name: "Dr. Siti Contoh, S.Si., Apt." });
  });

  it("finds cells by what they hold on pages whose columns are shifted", () => {
    expect(Object.keys(state.indicators).sort()).toEqual(["01.01", "01.02", "02.01", "02.02"]);
    expect(state.indicators["01.01"]?.targets).toEqual([5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100]);
    expect(state.indicators["01.02"]).toMatchObject({ unit: "index", shape: "year-end" });
    expect(state.indicators["02.01"]).toMatchObject({ unit: "score", shape: "constant" });
    expect(state.indicators["02.02"]).toMatchObject({ unit: "level", shape: "stepped" });
    expect(state.contributions).toEqual({
      "01.01": { "DR.3165.QIC.004.053.A": 20_000_000, "DR.3165.BKB.001.051.B": 10_000_000 },
      "01.02": { "DR.3165.QIC.004.053.A": 20_000_000 },
      "02.01": { "WA.6384.EBA.994.002.A": 15_000_000 },
    });
    expect(indicatorBudget(state, IndicatorId.parse("01.01"))).toBe(30_000_000);
  });

  it("joins the names the page breaks cut, and reports nothing else", () => {
    expect(state.lines["DR.3165.BKB.001.051.B"]?.component.name).toBe("Pelaksanaan monitoring dan evaluasi kegiatan");
    expect(state.objectives["02"]?.name).toBe("Meningkatnya kualitas layanan publik di wilayah kerja UPT");
    expect(state.indicators["02.01"]?.name).toBe("Nilai kepuasan layanan publik di UPT");
    expect(result.findings.map((f) => [f.code, f.line, f.subject])).toEqual([
      ["CELL_JOINED", 16, "DR.3165.BKB.001.051.B"],
      ["CELL_JOINED", 24, "02.01"],
    ]);
  });
});

describe("the same plan written the Indonesian way: decimal commas, thousand dots, a count, names wrapped inside pages and cut by page breaks (synthetic fixture)", () => {
  const contoh = ok(importTable(fixture("rapk-2025-loka-pom-contoh.txt"))).state;
  const result = ok(importTable(fixture("rapk-2025-loka-pom-contoh-id.txt")));
  const { state } = result;

  it("given amounts with thousand dots, then every pagu, contribution and the Total are those of the plan written with commas", () => {
    expect(state.plan).toEqual(contoh.plan);
    expect(state.lines).toEqual(contoh.lines);
    expect(state.contributions).toEqual(contoh.contributions);
    expect(state.objectives).toEqual(contoh.objectives);
  });

  it("given targets with decimal commas and a count (Jumlah) with targets in the thousands, then each target is read as written, the count's whole", () => {
    expect(state.indicators["01.01"]).toMatchObject({ name: "Persentase sarana distribusi yang diperiksa", targets: [5.5, 10, 20.25, 30, 40, 50, 60, 70, 80, 90, 95, 100] });
    expect(state.indicators["01.03"]).toMatchObject({ unit: "count", shape: "cumulative", name: "Jumlah sampel Obat dan Makanan yang diuji oleh laboratorium UPT", targets: [0, 80, 190, 300, 410, 520, 630, 740, 850, 980, 1080, 1250] });
    expect(state.indicators["02.01"]?.targets).toEqual(Array(12).fill(75.5));
    expect(state.indicators["01.02"]).toEqual(contoh.indicators["01.02"]);
    expect(state.indicators["02.02"]).toEqual(contoh.indicators["02.02"]);
  });

  it("given readings that depended on a choice (1.080, 1.250 of a count), then each has its finding naming the line, and every joined name has one", () => {
    expect(result.findings.map((f) => [f.code, f.line, f.subject])).toEqual([
      ["CELL_JOINED", 9, "01.01"],
      ["CELL_JOINED", 12, "DR.3165.QIC.004.053.A"],
      ["CELL_JOINED", 18, "DR.3165.BKB.001.051.B"],
      ["TARGET_READ_AS", 22, "01.03"],
      ["TARGET_READ_AS", 22, "01.03"],
      ["CELL_JOINED", 23, "01.03"],
      ["CELL_JOINED", 28, "02.01"],
    ]);
    expect(result.findings[3]?.message.en).toBe('Line 22: The November target of indicator 01.03 is written "1.080" and read as 1080: the indicator counts (Jumlah), so its targets are whole numbers.');
  });
});

describe("page breaks", () => {
  it("joins a fragment to the previous page's last row only where nothing says a page is missing", () => {
    const joined = seed.findings.filter((f) => f.code === "CELL_JOINED");
    expect(joined.find((f) => f.line === 90)?.message.en).toContain("continues line 85");
    expect(joined.find((f) => f.line === 90)?.message.id).toContain("menyambung baris 85");
    const orphan = seed.findings.find((f) => f.line === 21);
    expect(orphan).toMatchObject({ code: "ORPHAN_FRAGMENT" });
    // Line 68 writes the RO of line 16 whole, so line 16 was not cut: the fragment is not its end.
    expect(orphan?.message.en).toContain("line 68 writes the same RO name whole");
    expect(orphan?.message.id).toContain("baris 68 menulis nama RO yang sama secara utuh");
    expect(seed.state.lines["DR.3165.QIA.001.055.A"]?.output.name).toBe("Sampel Makanan yang Diperiksa oleh UPT");
  });

  it("treats a fragment as an orphan when the next budget row's number shows a missing page", () => {
    // Row 10. after the fragment at line 90 continues row 9.; renumbered 1., it would start another indicator's rows.
    const result = ok(importTable(editSeed({ 91: withCell(91, 2, "1.") })));
    expect(result.findings.find((f) => f.line === 90)).toMatchObject({ code: "ORPHAN_FRAGMENT" });
    expect(result.findings.find((f) => f.line === 91)).toMatchObject({ code: "UNATTRIBUTED_CONTRIBUTION", subject: "DR.3165.QCD.U61.055.B" });
    expect(result.state.contributions["05.01"]?.["DR.3165.QCD.U61.055.B"]).toBeUndefined();
  });

  it("leaves out an indicator whose objective row was lost with a page, when its code does not rise", () => {
    // After the orphan at line 126, an indicator 01 row where 11.01's row is would belong to an objective that is not shown.
    const lines = seedLines();
    const replaced = (lines[128] as string).split("\t").slice(2).join("\t");
    const result = ok(importTable(editSeed({ 127: null, 128: `\t\t${replaced}`, 129: null, 130: null })));
    const unknown = result.findings.filter((f) => f.code === "INDICATOR_OBJECTIVE_UNKNOWN");
    // 11.01's row and every indicator row after it, up to the Total, have lost their objective row.
    expect(unknown.map((f) => f.line)).toEqual([127, 128, 131, 137]);
    expect(Object.keys(result.state.indicators).filter((id) => id.startsWith("09."))).toEqual(["09.01", "09.03"]);
    expect(Object.keys(result.state.indicators).some((id) => id.startsWith("11."))).toBe(false);
    expect(result.state.contributions["09.01"]).toEqual(seed.state.contributions["09.01"]);
  });

  it("attributes budget rows by their numbering, not by the indicator printed above", () => {
    expect(seed.state.contributions["01.07"]).toBeUndefined();
    expect(seed.state.contributions["09.03"]).toBeUndefined();
    expect(seed.state.contributions["05.01"]?.["DR.3165.CAN.001.051.A"]).toBeUndefined();
    expect(seed.state.contributions["11.03"]?.["DR.3165.CAN.001.051.A"]).toBe(56_500_000);
  });
});

describe("what the table reader reports and refuses", () => {
  it("reports a missing signatory name and keeps it null", () => {
    const result = ok(importTable(editSeed({ 151: null })));
    expect(result.state.signature).toEqual({ place: "Rejang Lebong", date: "2024-02-22", title: "Kepala LokaPOM di Kabupaten Rejang Lebong", name: null });
    expect(result.findings.find((f) => f.code === "SIGNATORY_MISSING")).toMatchObject({ line: 147 });
  });

  it("imports an unsigned plan when nothing follows the Total", () => {
    const result = ok(importTable(editSeed({ 145: null, 147: null, 151: null })));
    expect(result.state.signature).toBeNull();
    expect(result.commands.some((c) => c.type === "signPlan")).toBe(false);
    expect(codes(result.findings)).toContain("SIGNATURE_MISSING");
  });

  it("reports names that disagree for one code, keeping the first", () => {
    const line61 = withCell(61, 3, "DR.3165.QIA.005 - Sampel Obat Lain");
    const result = ok(importTable(editSeed({ 61: line61 })));
    expect(result.findings.find((f) => f.code === "NAME_CONFLICT")).toMatchObject({ line: 61, subject: "DR.3165.QIA.005.053.B" });
    expect(result.state.lines["DR.3165.QIA.005.053.B"]?.output.name).toBe(seed.state.lines["DR.3165.QIA.005.053.A"]?.output.name);
  });

  it("refuses one budget line with two different pagu", () => {
    const error = failed(importTable(editSeed({ 60: withCell(60, 10, "125,736,001") })));
    expect(error).toMatchObject({ code: "PAGU_CONFLICT", line: 60 });
    expect(error.message).toContain("line 13");
  });

  it("refuses contributions over a line's pagu, naming the line", () => {
    const error = failed(importTable(editSeed({ 60: withCell(60, 11, "60,000,000") })));
    expect(error).toMatchObject({ code: "LINE_OVER_ALLOCATED", line: 13 });
    expect(error.message).toContain("DR.3165.QIA.005.053.A");
  });

  it("refuses budget lines over the Total, naming the Total's line", () => {
    const error = failed(importTable(editSeed({ 143: withCell(143, 13, "1,000,000") })));
    expect(error).toMatchObject({ code: "CEILING_EXCEEDED", line: 143 });
  });

  it("refuses a table without a Total (the ceiling is never computed)", () => {
    expect(failed(importTable(editSeed({ 143: null }))).code).toBe("TOTAL_MISSING");
  });

  it("refuses text without the table's header", () => {
    expect(failed(importTable("RENCANA AKSI\nsomething else\nentirely\n")).code).toBe("TABLE_NOT_FOUND");
  });

  it("refuses an indicator whose unit its name does not tell", () => {
    const error = failed(importTable(editSeed({ 14: withCell(14, 2, "02 - Banyaknya Makanan yang memenuhi syarat") })));
    expect(error).toMatchObject({ code: "UNIT_UNKNOWN", line: 14 });
  });

  it("refuses a budget row without its sub komponen, naming the line and the cell", () => {
    const error = failed(importTable(editSeed({ 13: withCell(13, 6, "") })));
    expect(error).toMatchObject({ code: "MALFORMED_ROW", line: 13 });
    expect(error.message).toContain("SUB KOMPONEN");
  });

  it("reports a line it cannot read inside a page instead of dropping it silently", () => {
    const result = ok(importTable(editSeed({ 49: `${seedLines()[49]}\n\t\tcatatan: lihat lampiran` })));
    expect(result.findings.find((f) => f.code === "UNRECOGNISED_ROW")).toMatchObject({ line: 50 });
    expect(content(result.state)).toEqual(content(seed.state));
  });
});

describe("names that wrap onto a line of their own inside a page", () => {
  it("given indicator 01.02's name wrapped after 'yang', when imported, then the name is whole, the figures are the seed's, and a finding names both lines", () => {
    const result = ok(importTable(editSeed({ 14: `${withCell(14, 2, "02 - Persentase Makanan yang")}\n\t\tmemenuhi syarat` })));
    expect(content(result.state)).toEqual(content(seed.state));
    expect(result.findings.find((f) => f.line === 15)).toMatchObject({ code: "CELL_JOINED", subject: "01.02" });
    expect(result.findings.find((f) => f.line === 15)?.message.en).toMatch(/^Line 15: This line continues line 14, whose text wrapped onto a line of its own; the text was joined: indicator name now reads "Persentase Makanan yang memenuhi syarat"/);
    expect(result.findings.filter((f) => f.code === "UNRECOGNISED_ROW")).toEqual([]);
    expect(result.findings.filter((f) => f.code === "ORPHAN_FRAGMENT")).toHaveLength(seed.findings.filter((f) => f.code === "ORPHAN_FRAGMENT").length);
  });

  it("given objective 01's and indicator 01.01's names both wrapped onto one line, then both are whole", () => {
    const result = ok(importTable(editSeed({ 11: `${line11Wrapped()}\n\tdi masing-masing wilayah kerja UPT\tmemenuhi syarat` })));
    expect(content(result.state)).toEqual(content(seed.state));
    expect(result.findings.find((f) => f.line === 12)).toMatchObject({ code: "CELL_JOINED", subject: "01.01" });
  });

  it("given a budget row's RO name wrapped inside its page, when imported, then the RO name is whole and the figures are the seed's (the row's own cut name was taken for one written whole, and the line reported unreadable)", () => {
    const result = ok(importTable(editSeed({ 24: `${withCell(24, 3, "DR.3165.BAH.001 - Keputusan/Sertifikasi Layanan Publik yang")}\n\t\t\tDiselesaikan oleh UPT` })));
    expect(content(result.state)).toEqual(content(seed.state));
    expect(result.findings.find((f) => f.line === 25)).toMatchObject({ code: "CELL_JOINED", subject: "DR.3165.BAH.001.052.B" });
    expect(result.findings.filter((f) => f.code === "UNRECOGNISED_ROW")).toEqual([]);
  });

  it("given an indicator name whose wrapped end is the word 'total' alone, when imported, then it is the end of the name, not a Total row without its amount", () => {
    const result = ok(importTable(editSeed({ 14: `${withCell(14, 2, "02 - Persentase Makanan yang memenuhi syarat dari")}\n\t\ttotal` })));
    expect(result.state.indicators["01.02"]?.name).toBe("Persentase Makanan yang memenuhi syarat dari total");
    expect(result.state.indicators["01.02"]?.targets).toEqual(seed.state.indicators["01.02"]?.targets);
    expect(result.state.plan?.ceiling).toBe(seed.state.plan?.ceiling);
    expect(result.findings.find((f) => f.line === 15)).toMatchObject({ code: "CELL_JOINED", subject: "01.02" });
  });

  it("given the Total row without its amount, then the import still stops there (TOTAL_UNREADABLE), the word being under no name column", () => {
    expect(failed(importTable(editSeed({ 143: withCell(143, 13, "") })))).toMatchObject({ code: "TOTAL_UNREADABLE", line: 143 });
  });

  it("given an indicator row whose cells the extraction lost (only '06 - Persentase ...' on its line), then it is reported as unreadable, not joined to the name above it", () => {
    const result = ok(importTable(editSeed({ 26: `${seedLines()[26]}\n\t\t06 - Persentase sarana yang dibina` })));
    expect(result.state.indicators["01.04"]?.name).toBe(seed.state.indicators["01.04"]?.name);
    expect(result.findings.find((f) => f.line === 27)).toMatchObject({ code: "UNRECOGNISED_ROW" });
    expect(result.findings.find((f) => f.line === 27)?.message.en).toContain("06 - Persentase sarana yang dibina");
  });

  it("given text under a column that holds no name (a month's target), then it is reported as unreadable, not joined", () => {
    const result = ok(importTable(editSeed({ 14: `${seedLines()[14]}\n\t\t\tlihat lampiran` })));
    expect(result.findings.find((f) => f.line === 15)).toMatchObject({ code: "UNRECOGNISED_ROW" });
    expect(content(result.state)).toEqual(content(seed.state));
  });
});

/** Line 11 with objective 01's name cut after "syarat" and indicator 01.01's after "yang" (the rest wraps). */
function line11Wrapped(): string {
  const cells = (seedLines()[11] as string).split("\t");
  cells[1] = "01 - Terwujudnya Obat dan Makanan yang memenuhi syarat";
  cells[2] = "01 - Persentase Obat yang";
  return cells.join("\t");
}

describe("pages, where the text marks them (form feeds, as pdftotext writes them)", () => {
  // Every page of the seed after the first starts with the table header again; mark each with a form feed.
  let page = 0;
  const marked = SEED.split("\n")
    .map((line) => (line.startsWith("NO.\tSASARAN") && page++ > 0 ? `\f${line}` : line))
    .join("\n");

  it("given a text without form feeds, when it is imported, then no finding claims a page", () => {
    expect(seed.findings.every((f) => f.page === undefined)).toBe(true);
  });

  it("given form feeds, when the seed is imported, then every finding cites its page after its line, in both languages", () => {
    const result = ok(importTable(marked));
    expect(result.findings.map((f) => [f.code, f.line, f.subject])).toEqual(seed.findings.map((f) => [f.code, f.line, f.subject]));
    const orphan = result.findings.find((f) => f.line === 21)!;
    expect(orphan.page).toBe(2);
    expect(orphan.message.en).toMatch(/^Line 21 \(page 2\): The text /);
    expect(orphan.message.id).toMatch(/^Baris 21 \(halaman 2\): Teks /);
    expect(result.findings.find((f) => f.code === "LINES_BELOW_CEILING")).toMatchObject({ line: 143, page: 12 });
    // The plan read is the same: a form feed only marks where a page starts.
    expect(result.state).toEqual(seed.state);
  });
});
