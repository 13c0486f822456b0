import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUNDLED_SOURCES, TAB_IDS, type UrlState, decodeUrlState, encodeUrlState } from "../src/model/urlState.js";

const runs = Number(process.env.RAPK_PROPERTY_RUNS ?? 100);

const state: fc.Arbitrary<UrlState> = fc.record(
  {
    source: fc.constantFrom(...BUNDLED_SOURCES),
    version: fc.nat({ max: 1_000_000 }),
    tab: fc.constantFrom(...TAB_IDS),
    from: fc.nat({ max: 1_000_000 }),
    to: fc.nat({ max: 1_000_000 }),
    other: fc.constantFrom(...BUNDLED_SOURCES),
    quarter: fc.integer({ min: 1, max: 4 }),
    root: fc.stringMatching(/^[0-9a-f]{64}$/),
    head: fc.stringMatching(/^[0-9a-f]{64}$/),
  },
  { requiredKeys: [] },
);

describe("the view's state in the URL", () => {
  it("reads back what it wrote, for any state", () => {
    fc.assert(
      fc.property(state, (s) => {
        expect(decodeUrlState(encodeUrlState(s))).toEqual(s);
      }),
      { numRuns: runs },
    );
  });

  it("writes a short, readable hash, and nothing for the default view", () => {
    expect(encodeUrlState({ source: "example", version: 5, tab: "compare", from: 2, to: 4 })).toBe("#src=example&v=5&tab=compare&from=2&to=4");
    expect(encodeUrlState({})).toBe("");
  });

  it("leaves out what it does not recognise, never failing on a hand-edited link", () => {
    expect(decodeUrlState("#src=../etc&v=-1&tab=secret&from=2.5&to=1e3&q=9&other=x")).toEqual({});
    expect(decodeUrlState("#v=3&tab=budget&junk=1")).toEqual({ version: 3, tab: "budget" });
    // A pinned key or head is 64 hex digits (read lowercase, as rapk writes them), or nothing.
    expect(decodeUrlState(`#root=${"AB".repeat(32)}&head=${"0".repeat(63)}`)).toEqual({ root: "ab".repeat(32) });
    fc.assert(
      fc.property(fc.string(), (hash) => {
        const s = decodeUrlState(hash);
        if (s.tab !== undefined) expect(TAB_IDS).toContain(s.tab);
        if (s.quarter !== undefined) expect([1, 2, 3, 4]).toContain(s.quarter);
      }),
      { numRuns: runs },
    );
  });
});
