import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonKeyProblem, lineKeyProblem } from "../../src/index.js";
import { RUNS } from "../support/arbitraries.js";

const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));
const key = fc.string({ maxLength: 8 }).filter((k) => !RESERVED.has(k));
const value = fc.jsonValue({ maxDepth: 3 });
/** An object without reserved keys (fast-check's own records may hold `__proto__`). */
const object = fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 });

describe("the key check of log lines (properties)", () => {
  it("takes its fast path only where the full scan finds nothing, for any JSON, compact or spaced", () => {
    fc.assert(
      fc.property(value, fc.boolean(), (json, spaced) => {
        const text = JSON.stringify(json, null, spaced ? 1 : undefined) ?? "null";
        expect(lineKeyProblem(text, JSON.parse(text))).toEqual(jsonKeyProblem(text));
      }),
      { numRuns: RUNS },
    );
  });

  it("finds a key written twice at any depth, naming it and its path, though JSON.parse reads the line without complaint", () => {
    fc.assert(
      fc.property(object, fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null)), fc.array(key, { maxLength: 3 }), (inner, first, outer) => {
        const [twice] = Object.keys(inner) as [string];
        // The inner object with its first key written once more in front: JSON.parse keeps the later value.
        let text = `{${JSON.stringify(twice)}:${JSON.stringify(first)},${JSON.stringify(inner).slice(1)}`;
        for (const name of [...outer].reverse()) text = `{${JSON.stringify(name)}:[0,${text}]}`;
        const parsed = JSON.parse(text) as unknown;
        const problem = lineKeyProblem(text, parsed);
        expect(problem).toMatchObject({ key: twice, why: "duplicate", line: 1 });
        expect(problem?.path).toEqual([...outer.flatMap((name) => [name, 1]), twice]);
      }),
      { numRuns: RUNS },
    );
  });
});
