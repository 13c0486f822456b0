import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rupiah, formatRupiah, isRupiah } from "@rapk/core";

describe("formatRupiah", () => {
  it.each([
    [70_412_160, "Rp70.412.160"],
    [4_801_300_000, "Rp4.801.300.000"],
    [180_000, "Rp180.000"],
    [999, "Rp999"],
    [0, "Rp0"],
    [-1_000, "-Rp1.000"],
    [Number.MAX_SAFE_INTEGER, "Rp9.007.199.254.740.991"],
  ])("writes %d as %s", (amount, text) => {
    expect(formatRupiah(amount)).toBe(text);
  });

  it("writes every whole amount as Rp, dot-grouped digits that read back to the amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        const text = formatRupiah(amount);
        expect(text).toMatch(/^Rp\d{1,3}(\.\d{3})*$/);
        expect(Number(text.slice(2).replaceAll(".", ""))).toBe(amount);
      }),
      { numRuns: Number(process.env.RAPK_PROPERTY_RUNS) || 1000 },
    );
  });
});

describe("isRupiah and the Rupiah schema", () => {
  it.each([0, 1, 70_412_160, Number.MAX_SAFE_INTEGER])("accept %d", (value) => {
    expect(isRupiah(value)).toBe(true);
    expect(Rupiah.safeParse(value).success).toBe(true);
  });

  it.each([-1, 0.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Number.POSITIVE_INFINITY, "1", null])("refuse %j", (value) => {
    expect(isRupiah(value)).toBe(false);
    expect(Rupiah.safeParse(value).success).toBe(false);
  });
});
