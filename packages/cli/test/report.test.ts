import { describe, expect, it } from "vitest";
import { expectOneLineError, importedSeed, rapk, writeJson } from "./helpers.js";

const MARCH = {
  meta: { actor: "Pengelola Kinerja", reason: "Laporan bulanan Maret 2024", kind: "report", at: "2024-04-05T09:00:00+07:00" },
  commands: [
    // 01.07 targets 10 in March (higher is better): 12.5 -> 125 %, beyond what can be concluded.
    { type: "reportRealisation", data: { indicator: "01.07", month: 3, value: 12.5 } },
    // 03.01 targets 95.3: 90.535 -> 95 %, Baik.
    { type: "reportRealisation", data: { indicator: "03.01", month: 3, value: 90.535 } },
    // 04.01 targets 11.66: 5.83 -> 50 %, Kurang.
    { type: "reportRealisation", data: { indicator: "04.01", month: 3, value: 5.83 } },
    { type: "reportSpending", data: { line: "DR.3165.BDC.001.051.B", month: 2, amount: 20_325_000 } },
    { type: "reportSpending", data: { line: "DR.3165.BDC.001.051.B", month: 3, amount: 20_325_000 } },
    { type: "reportSpending", data: { line: "DR.3165.BDC.001.051.B", month: 4, amount: 40_650_000 } },
  ],
};

describe("rapk report", () => {
  it("gives achievement and band per indicator for the month, and absorption through it", async () => {
    const folder = await importedSeed();
    writeJson(folder, "march.json", MARCH);
    expect((await rapk(folder, "apply", "plan.ndjson", "march.json")).code).toBe(0);

    const json = JSON.parse((await rapk(folder, "report", "plan.ndjson", "--month", "3", "--json")).stdout);
    expect(json.month).toBe(3);
    const byId = Object.fromEntries(json.indicators.map((i: { id: string }) => [i.id, i]));
    expect(byId["01.07"]).toMatchObject({ target: 10, realisation: 12.5, band: { id: "inconclusive", label: "Tidak Dapat Disimpulkan" } });
    expect(byId["01.07"].achievement).toBeCloseTo(125, 9);
    expect(byId["03.01"].achievement).toBeCloseTo(95, 9);
    expect(byId["03.01"].band.label).toBe("Baik");
    expect(byId["04.01"].band.label).toBe("Kurang");
    // No report, no achievement; a zero target has none either.
    expect(byId["01.01"]).toMatchObject({ realisation: null, achievement: null, band: null });
    const line = json.budget.lines.find((l: { id: string }) => l.id === "DR.3165.BDC.001.051.B");
    expect(line).toMatchObject({ pagu: 81_300_000, spent: 40_650_000 });
    expect(line.absorption).toBeCloseTo(0.5, 12);
    expect(json.budget.spent).toBe(40_650_000);

    const april = JSON.parse((await rapk(folder, "report", "plan.ndjson", "--month", "4", "--json")).stdout);
    expect(april.budget.lines.find((l: { id: string }) => l.id === "DR.3165.BDC.001.051.B").spent).toBe(81_300_000);

    const text = await rapk(folder, "report", "plan.ndjson", "--month", "3");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Maret (B03)");
    expect(text.stdout).toMatch(/01\.07\s+10\s+12,5\s+125,00 %\s+Tidak Dapat Disimpulkan/);
    expect(text.stdout).toMatch(/DR\.3165\.BDC\.001\.051\.B\s+Rp81\.300\.000\s+Rp40\.650\.000\s+50,00 %/);

    const before = JSON.parse((await rapk(folder, "report", "plan.ndjson", "--month", "3", "--as-of", "1", "--json")).stdout);
    expect(before.indicators.every((i: { realisation: unknown }) => i.realisation === null)).toBe(true);
  });

  it("wants a month 1-12", async () => {
    const folder = await importedSeed();
    for (const month of ["0", "13", "Maret"]) {
      const run = await rapk(folder, "report", "plan.ndjson", "--month", month);
      expect(run.code).toBe(1);
      expect(expectOneLineError(run)).toBe(`rapk: --month ${month}: expected a month number 1-12`);
    }
  });
});
