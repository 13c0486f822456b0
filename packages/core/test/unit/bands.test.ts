import { describe, expect, it } from "vitest";
import { BPOM_BANDS, type Band, bandOf } from "@rapk/core";

// rapk's chosen edges (docs/invariants.md): above 120 cannot be concluded; 110 up to 120 Sangat
// Baik; 90 up to below 110 Baik; 70 up to below 90 Cukup; 50 up to below 70 Kurang; below 50
// Sangat Kurang. Each edge belongs to the band above it, except 120, which is still Sangat Baik.
describe("bandOf with BPOM's bands", () => {
  it.each([
    [1000, "inconclusive", "Tidak Dapat Disimpulkan"],
    [120.01, "inconclusive", "Tidak Dapat Disimpulkan"],
    [120, "very-good", "Sangat Baik"],
    [110, "very-good", "Sangat Baik"],
    [109.99, "good", "Baik"],
    [100, "good", "Baik"],
    [90, "good", "Baik"],
    [89.99, "fair", "Cukup"],
    [70, "fair", "Cukup"],
    [69.99, "poor", "Kurang"],
    [50, "poor", "Kurang"],
    [49.99, "very-poor", "Sangat Kurang"],
    [0, "very-poor", "Sangat Kurang"],
    [-20, "very-poor", "Sangat Kurang"],
  ])("puts %d %% in %s (%s)", (value, id, label) => {
    const band = bandOf(value);
    expect(band.id).toBe(id);
    expect(band.label.id).toBe(label);
  });

  it("labels every band in Indonesian and English", () => {
    expect(BPOM_BANDS.map((b) => [b.label.id, b.label.en])).toEqual([
      ["Tidak Dapat Disimpulkan", "Cannot be concluded"],
      ["Sangat Baik", "Very good"],
      ["Baik", "Good"],
      ["Cukup", "Fair"],
      ["Kurang", "Poor"],
      ["Sangat Kurang", "Very poor"],
    ]);
  });

  it("keeps the bands as frozen data", () => {
    expect(Object.isFrozen(BPOM_BANDS)).toBe(true);
  });
});

describe("bandOf with a unit's own bands", () => {
  const passFail: Band[] = [
    { id: "pass", min: 100, label: { id: "Tercapai", en: "Met" } },
    { id: "fail", min: 0, label: { id: "Tidak Tercapai", en: "Not met" } },
  ];

  it("uses them in order, the first whose lower bound is reached", () => {
    expect(bandOf(100, passFail).id).toBe("pass");
    expect(bandOf(99.99, passFail).id).toBe("fail");
  });

  it("falls back to the last band below every bound", () => {
    expect(bandOf(-1, passFail).id).toBe("fail");
  });
});
