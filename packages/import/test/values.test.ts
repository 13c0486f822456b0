import { describe, expect, it } from "vitest";
import { exportCsv, sniffFormat } from "../src/index.js";
import { readAmount } from "../src/values/amount.js";
import { unitFromName } from "../src/values/indicatorUnit.js";
import { readTarget } from "../src/values/target.js";
import { shapeOf } from "../src/values/targetShape.js";
import { SMALL_PLAN, stateOf } from "./support/plans.js";
import { SEED } from "./support/seed.js";

describe("readAmount", () => {
  it.each([
    ["70,412,160", 70_412_160],
    ["4,801,300,000", 4_801_300_000],
    ["180,000", 180_000],
    ["0", 0],
    ["125736000", 125_736_000],
  ])("reads %s as %d", (text, value) => {
    expect(readAmount(text)).toEqual({ ok: true, value });
  });

  it.each([
    ["1.234,5", "decimal point"],
    ["-5", "negative"],
    ["12e9", "exponent"],
    ["1,23", "misplaced commas"],
    ["", "blank"],
    ["Rp5", "not an amount"],
    ["9,007,199,254,740,993", "too large"],
  ])("refuses %s (%s)", (text, why) => {
    const read = readAmount(text);
    expect(read.ok).toBe(false);
    expect(read.ok ? "" : read.why).toContain(why);
  });
});

describe("readTarget", () => {
  it("reads decimals with a point, blank as null (not 0)", () => {
    expect(readTarget("99.3")).toEqual({ ok: true, value: 99.3 });
    expect(readTarget("100")).toEqual({ ok: true, value: 100 });
    expect(readTarget(" ")).toEqual({ ok: true, value: null });
    expect(readTarget("1.5e-7")).toEqual({ ok: true, value: 1.5e-7 });
  });

  it.each(["abc", "-1", "99,3", "1e999", "50%"])("refuses %s", (text) => {
    expect(readTarget(text).ok).toBe(false);
  });
});

describe("shapeOf", () => {
  it.each([
    [[99.3, 99.3, 99.3, 99.3, 99.3, 99.3, 99.3, 99.3, 99.3, 99.3, 99.3, 99.3], "constant"],
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 91], "year-end"],
    [[null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 60], "year-end"],
    [[2.52, 7.33, 11.66, 13.58, 18.03, 23.32, 29.45, 35.94, 41.23, 46.03, 49.28, 50], "cumulative"],
    [[0, 0, 10, 20, 30, 50, 60, 70, 75, 78, 81, 100], "cumulative"],
    [[0, 0, 15, 15, 40, 40, 80, 80, 80, 80, 80, 100], "stepped"],
    [[0, 0, 95.3, 95.3, 95.3, 95.3, 95.3, 95.3, 95.3, 95.3, 95.3, 95.3], "stepped"],
    [[10, 5, 10, 5, 10, 5, 10, 5, 10, 5, 10, 5], "stepped"],
    [Array(12).fill(null), "constant"],
  ] as const)("%j is %s", (targets, shape) => {
    expect(shapeOf(targets)).toBe(shape);
  });
});

describe("unitFromName", () => {
  it.each([
    ["Persentase Obat yang memenuhi syarat", "percent"],
    ["Presentase Realisasi Penggunaan Produk dalam Negeri", "percent"],
    ["Tingkat Efektifitas KIE", "level"],
    ["Indeks Kepuasan Masyarakat", "index"],
    ["Nilai AKIP UPT", "score"],
    ["Jumlah laporan hasil pengawasan", "count"],
    ["Banyaknya sarana", undefined],
  ])("%s -> %s", (name, unit) => {
    expect(unitFromName(name)).toBe(unit);
  });
});

describe("sniffFormat", () => {
  it("tells the table's text from the CSV template", () => {
    expect(sniffFormat(SEED)).toBe("table");
    expect(sniffFormat(exportCsv(stateOf(SMALL_PLAN)))).toBe("csv");
    expect(sniffFormat("objective_number,objective_code\n")).toBe("csv");
    expect(sniffFormat("a,b,c\n")).toBe("csv");
    expect(sniffFormat("nothing here\n")).toBe("table");
  });
});
