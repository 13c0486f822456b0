import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { DomainFailure, RapkError, isDomainFailure, isRapkError } from "@rapk/core";

// The CommonJS build, as a second copy of rapk in the same process (what a program gets when one
// of its dependencies requires rapk and another imports it).
const cjs = createRequire(import.meta.url)("../../dist/index.cjs") as typeof import("@rapk/core");

describe("rapk's one error type", () => {
  it("is recognised by code, across the ESM and CommonJS copies, where instanceof is not", () => {
    const fromCjs = new cjs.DomainFailure({ code: "LINE_OVER_ALLOCATED", message: "over", path: ["lines"] });
    expect(fromCjs instanceof RapkError).toBe(false);
    expect(isRapkError(fromCjs)).toBe(true);
    expect(isRapkError(fromCjs, "LINE_OVER_ALLOCATED")).toBe(true);
    expect(isRapkError(fromCjs, "LINE_OVERSPENT", "CEILING_EXCEEDED")).toBe(false);
    expect(isDomainFailure(fromCjs) && fromCjs.error.path).toEqual(["lines"]);
    expect(cjs.isRapkError(new DomainFailure({ code: "NO_CHANGE", message: "same", path: [] }), "NO_CHANGE")).toBe(true);
  });

  it("is not any error or object with a code", () => {
    expect(isRapkError(new Error("boom"))).toBe(false);
    expect(isRapkError({ code: "NO_CHANGE", message: "looks like one" })).toBe(false);
    expect(isRapkError(null)).toBe(false);
    expect(isDomainFailure(new RapkError("NO_CHANGE", "no DomainError inside"))).toBe(false);
  });
});
