import fc from "fast-check";
import { type PlanState, planDocument } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { exportCsv, importCsv, importPlan } from "../src/index.js";
import { planCommands } from "./support/arbitraries.js";
import { stateOf } from "./support/plans.js";
import { content, ok } from "./support/result.js";
import { SEED } from "./support/seed.js";

const numRuns = Number(process.env.RAPK_PROPERTY_RUNS) || 1000;

/**
 * A result that is an answer, not a crash: ok, or an error with a code and a message without a
 * stack trace. INTERNAL_ERROR is what the guard makes of an exception (a TypeError in the
 * importer), so it is a crash, not an answer.
 */
function isAnswer(result: ReturnType<typeof importPlan>): boolean {
  if (result.ok) return Array.isArray(result.commands);
  if (result.error.code === "INTERNAL_ERROR") throw new Error(`the importer crashed: ${result.error.message}`);
  return /^[A-Z_]+$/.test(result.error.code) && result.error.message.length > 0 && !/\n\s+at /.test(result.error.message);
}

describe("properties", () => {
  it("exportCsv then importCsv gives back the plan built with core commands, in the same order, in either locale", () => {
    // The order of objectives, indicators, budget rows and budget lines (toEqual on records does not see it).
    const order = (state: PlanState) => ({
      document: planDocument(state).objectives.map((o) => [o.code, o.indicators.map((i) => [i.id, i.contributions.map((c) => c.line.id)])]),
      lines: Object.keys(state.lines),
    });
    fc.assert(
      fc.property(planCommands, fc.constantFrom("en" as const, "id" as const), (commands, locale) => {
        const state = stateOf(commands);
        const back = ok(importCsv(exportCsv(state, { locale })));
        expect(content(back.state)).toEqual(content(state));
        expect(order(back.state)).toEqual(order(state));
        expect(back.findings).toEqual([]);
      }),
      { numRuns },
    );
  });

  it("answers any text without throwing", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        expect(isAnswer(importPlan(text))).toBe(true);
      }),
      { numRuns },
    );
  });

  it("answers any damage to the seed without throwing: lines dropped, duplicated, cells rewritten", () => {
    const lines = SEED.split("\n");
    const damage = fc.array(
      fc.tuple(fc.constantFrom("drop", "duplicate", "cell", "tab"), fc.nat(lines.length - 1), fc.nat(20), fc.string({ maxLength: 12 })),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(damage, (edits) => {
        const copy = [...lines];
        for (const [kind, at, col, text] of edits) {
          const line = copy[at % copy.length] ?? "";
          if (kind === "drop") copy.splice(at % copy.length, 1);
          else if (kind === "duplicate") copy.splice(at % copy.length, 0, line);
          else if (kind === "tab") copy[at % copy.length] = `\t${line}`;
          else {
            const cells = line.split("\t");
            cells[col % Math.max(cells.length, 1)] = text;
            copy[at % copy.length] = cells.join("\t");
          }
        }
        expect(isAnswer(importPlan(copy.join("\n")))).toBe(true);
      }),
      { numRuns },
    );
  });
});
