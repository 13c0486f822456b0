import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMeasure, formatPercentOfHundred, formatPercentOfRatio } from "../../src/index.js";

const RUNS = Number(process.env.RAPK_PROPERTY_RUNS) || 1000;

describe("one way of writing figures, in the unit its name says", () => {
  it("writes a measure as the document does in Indonesian, and the English way in English; a blank stays blank", () => {
    expect(formatMeasure(99.3)).toBe("99,3");
    expect(formatMeasure(1080)).toBe("1.080");
    expect(formatMeasure(0.12345)).toBe("0,1235");
    expect(formatMeasure(1080.5, "en")).toBe("1,080.5");
    expect(formatMeasure(null)).toBe("");
    expect(formatMeasure(undefined, "en")).toBe("");
  });

  it("writes a percentage out of 100 with exactly two decimals, and a ratio of 0..1 as the same percentage", () => {
    expect(formatPercentOfHundred(97.5)).toBe("97,50 %");
    expect(formatPercentOfHundred(97.5, "en")).toBe("97.50%");
    expect(formatPercentOfRatio(0.3724)).toBe("37,24 %");
    expect(formatPercentOfRatio(0.4671, "en", 1)).toBe("46.7%");
    expect(formatPercentOfRatio(null)).toBe("");
  });

  it("gives a ratio the text of its percentage out of 100, in both languages, whatever the ratio", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom("id" as const, "en" as const), fc.constantFrom(0, 1, 2), (basisPoints, language, decimals) => {
        // A ratio whose percentage is exact at two decimals: 1 basis point is 0.01 %.
        expect(formatPercentOfRatio(basisPoints / 10_000, language, decimals)).toBe(formatPercentOfHundred(basisPoints / 100, language, decimals));
      }),
      { numRuns: RUNS },
    );
  });

  it("reads back, in Indonesian, as the number it wrote: dots group thousands and the comma is the decimal mark", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 9999 }), (whole, tenThousandths) => {
        const value = whole + Math.sign(whole || 1) * (tenThousandths / 10_000);
        const read = Number(formatMeasure(value).replace(/\./g, "").replace(",", "."));
        expect(read).toBeCloseTo(value, 4);
      }),
      { numRuns: RUNS },
    );
  });
});
