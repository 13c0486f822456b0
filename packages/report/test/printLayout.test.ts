import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlanState } from "@rapk/core";
import { printHtml, printHtmlDocument, printLayout } from "@rapk/report";
import { PROVENANCE, shipped } from "./fixtures.js";

const runs = Number(process.env.RAPK_PROPERTY_RUNS ?? 100);

describe("printLayout", () => {
  const seed = shipped("seed").head;

  it("lays the seed out as the document: the title block, each objective's NO and SASARAN on its first indicator only", () => {
    const layout = printLayout(seed, PROVENANCE);
    expect(layout.title).toEqual(["RENCANA AKSI PERJANJIAN KINERJA TAHUN 2024", "LOKA POM DI KABUPATEN REJANG LEBONG", "BADAN PENGAWAS OBAT DAN MAKANAN"]);
    expect(layout.months).toEqual(["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B09", "B10", "B11", "B12"]);
    const first = layout.indicators.find((r) => r.id === "01.01")!;
    expect(first).toMatchObject({ number: "1.", objective: "01 - Terwujudnya Obat dan Makanan yang memenuhi syarat di masing-masing wilayah kerja UPT", indicator: "01 - Persentase Obat yang memenuhi syarat" });
    expect(layout.indicators.find((r) => r.id === "01.02")).toMatchObject({ number: null, objective: null });
    expect(layout.total).toBe(4_801_300_000);
    expect(layout.placeAndDate).toBe("Rejang Lebong, 22 Februari 2024");
    expect(layout.signatoryTitle).toBe("Kepala LokaPOM di Kabupaten Rejang Lebong");
    expect(layout.signatoryName).toBe(seed.signature?.name);
  });

  it("keeps the document's order: objectives as printed, 01.03's rows B then A (seed lines 24-25), 03.01's D, A, B, C (lines 48-51)", () => {
    const layout = printLayout(seed, PROVENANCE);
    expect([...new Set(layout.indicators.map((r) => r.id.slice(0, 2)))]).toEqual(["01", "03", "04", "05", "08", "09", "11"]);
    const rows = (id: string) => layout.indicators.find((r) => r.id === id)!.lines.map((l) => [l.number, l.line]);
    expect(rows("01.03")).toEqual([
      ["1.", "DR.3165.BAH.001.052.B"],
      ["2.", "DR.3165.BAH.001.052.A"],
    ]);
    expect(rows("03.01").map(([, line]) => line?.slice(-1))).toEqual(["D", "A", "B", "C"]);
    const html = printHtml(layout);
    expect(html.indexOf("PENDAMPINGAN VERIFIKASI CAPA")).toBeLessThan(html.indexOf("PELAKSANAAN AUDIT SERTIFIKASI"));
  });

  it("keeps a blank target blank (11.04 has no B01), not 0", () => {
    const row = printLayout(seed, PROVENANCE).indicators.find((r) => r.id === "11.04")!;
    expect(row.targets[0]).toBeNull();
    expect(printHtml(printLayout(seed, PROVENANCE))).toMatch(/data-indicator="11\.04"><td><\/td><td><\/td><td>04 - [^<]*<\/td><td class="num"><\/td><td class="num">0<\/td>/);
  });

  it("shows the stated ANGGARAN and the derived one where they differ, and only there", () => {
    const indicator = seed.indicators["01.05"]!;
    const stated: PlanState = { ...seed, indicators: { ...seed.indicators, "01.05": { ...indicator, statedBudget: 80_000_000 } as typeof indicator } };
    const row = printLayout(stated, PROVENANCE).indicators.find((r) => r.id === "01.05")!;
    expect(row).toMatchObject({ budget: 80_000_000, derivedBudget: 79_327_000 });
    expect(printHtml(printLayout(stated, PROVENANCE))).toContain('80.000.000<span class="derived">dihitung 79.327.000</span>');
    const agreeing: PlanState = { ...seed, indicators: { ...seed.indicators, "01.05": { ...indicator, statedBudget: 79_327_000 } as typeof indicator } };
    expect(printLayout(agreeing, PROVENANCE).indicators.find((r) => r.id === "01.05")).toMatchObject({ budget: 79_327_000, derivedBudget: null });
  });

  it("prints what the document attributes to no indicator after the indicators, each line with its amount", () => {
    // Given the seed, whose rows at lines 45, 114 and 127 are under indicators on missing pages
    const layout = printLayout(seed, PROVENANCE);
    // Then the layout carries them, with their sum in the ANGGARAN column
    expect(layout.unattributed?.lines.map((l) => [l.line, l.contribution])).toEqual([
      ["DR.3165.BKB.001.051.B", 39_088_500],
      ["DR.3165.CAN.001.051.A", 56_500_000],
      ["DR.3165.BKB.001.052.A", 47_520_000],
    ]);
    expect(layout.unattributed?.amount).toBe(39_088_500 + 56_500_000 + 47_520_000);
    // and the HTML prints them between the last indicator and the Total
    const html = printHtml(layout);
    const at = html.indexOf('<tr class="unattributed">');
    expect(at).toBeGreaterThan(html.lastIndexOf('data-indicator="11.04"'));
    expect(at).toBeLessThan(html.indexOf('<tr class="total">'));
    expect(html.slice(at)).toMatch(/Kontribusi tanpa indikator[^]*143\.108\.500[^]*data-line="DR\.3165\.CAN\.001\.051\.A"[^]*56\.500\.000/);
    // A plan with none prints no such row
    const none: PlanState = { ...seed, lines: Object.fromEntries(Object.entries(seed.lines).map(([id, { unattributed: _, ...line }]) => [id, line])) };
    expect(printLayout(none, PROVENANCE).unattributed).toBeNull();
    expect(printHtml(printLayout(none, PROVENANCE))).not.toContain("unattributed");
  });

  it("shows a stated Total beside the recorded ceiling when they differ", () => {
    const layout = printLayout({ ...seed, plan: { ...seed.plan!, statedTotal: 4_900_000_000 } as NonNullable<PlanState["plan"]> }, PROVENANCE);
    expect(layout).toMatchObject({ total: 4_900_000_000, derivedTotal: 4_801_300_000 });
  });

  it("an indicator's derived ANGGARAN (printed beside a stated one that differs) is the sum of its KONTRIBUSI rows, for any version of the history", () => {
    const history = shipped("history");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: history.versions.length }), (version) => {
        for (const row of printLayout(history.stateAt(version), PROVENANCE).indicators) {
          expect(row.derivedBudget ?? row.budget).toBe(row.lines.reduce((sum, l) => sum + l.contribution, 0));
          expect(row.lines.map((l) => l.number)).toEqual(row.lines.map((_, i) => `${i + 1}.`));
        }
      }),
      { numRuns: Math.min(runs, 50) },
    );
  });

  it("escapes every name: markup in the plan prints as text", () => {
    const indicator = seed.indicators["01.01"]!;
    const state: PlanState = { ...seed, indicators: { ...seed.indicators, "01.01": { ...indicator, name: `<img src=x onerror="alert(1)"> & 'co'` } } };
    const html = printHtmlDocument(printLayout(state, PROVENANCE));
    expect(html).not.toContain("<img");
    expect(html).toContain("01 - &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;co&#39;");
  });
});
