import { EventValidator, type PlanEvent, evolve, initialState, stateAfter } from "@rapk/core";
import { foldLog } from "@rapk/history";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { type HistoryShape, generateHistory } from "../src/generate.js";
import { toLines, toStoredEvents } from "../src/storedLog.js";

// The fast paths the benchmarks measure must give what the plain definitions give.
const SHAPE: HistoryShape = { seed: 5, objectives: 4, indicatorsPerObjective: 3, lines: 30, reportRounds: 2, pokPerMonth: 1, months: 4 };
const batches = generateHistory(SHAPE);
const events: PlanEvent[] = batches.flatMap((batch) => batch.events);

function frozenThrough(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(frozenThrough);
}

describe("replay on a plan draft", () => {
  it("equals evolving one event at a time, and is frozen all through", () => {
    const replayed = stateAfter(events);
    expect(isDeepStrictEqual(replayed, events.reduce(evolve, initialState()))).toBe(true);
    expect(frozenThrough(replayed)).toBe(true);
  });

  it("continues from a frozen state without changing it, sharing what it did not touch", () => {
    const split = batches[0]?.events.length ?? 0;
    const start = stateAfter(events.slice(0, split));
    const copy = structuredClone(start);
    const next = stateAfter(events.slice(split), start);
    expect(isDeepStrictEqual(start, copy)).toBe(true);
    expect(isDeepStrictEqual(next, stateAfter(events))).toBe(true);
    expect(frozenThrough(next)).toBe(true);
    // Reports and budget revisions leave the objectives alone: the record is the same object.
    expect(next.objectives).toBe(start.objectives);
  });
});

describe("foldLog on the generated log (what the replay bench times)", () => {
  const text = `${toLines(toStoredEvents(batches)).join("\n")}\n`;

  it("gives the state of the events its lines hold", () => {
    const result = foldLog(text);
    expect(result.ok && isDeepStrictEqual(result.value.state, stateAfter(events))).toBe(true);
    expect(result.ok && [result.value.events, result.value.versions]).toEqual([events.length, batches.length]);
  });

  it("names the first bad line: not JSON, not a valid event", () => {
    const lines = text.trimEnd().split("\n");
    const broken = (at: number, line: string) => lines.map((l, i) => (i === at - 1 ? line : l)).join("\n");
    const notJson = foldLog(broken(7, "{oops"));
    expect(notJson.ok ? undefined : [notJson.error.line, notJson.error.code]).toEqual([7, "INVALID_JSON"]);
    const badMonth = JSON.parse(lines.at(-1) as string);
    badMonth.data.month = 13;
    const invalid = foldLog(broken(lines.length, JSON.stringify(badMonth)));
    expect(invalid.ok ? undefined : [invalid.error.line, invalid.error.code, invalid.error.message]).toEqual([
      lines.length,
      "EVENT_INVALID",
      `event ${lines.length} (${badMonth.type}): data.month must be a month number 1-12`,
    ]);
  });
});

describe("an EventValidator, reusing the metadata it checked last", () => {
  const event = { type: "CeilingRevised", data: { ceiling: 5 } };
  const metadata = { at: "2024-03-01T09:00:00+07:00", actor: "KPA", reason: "Revisi", kind: "dipa" };

  it("still refuses metadata that differs from the last in any field", () => {
    const validator = new EventValidator();
    expect(validator.parse({ ...event, metadata }, 1).ok).toBe(true);
    for (const [key, value] of [["at", "yesterday"], ["actor", " "], ["reason", ""], ["kind", "bogus"], ["reference", ""]] as const) {
      const result = validator.parse({ ...event, metadata: { ...metadata, [key]: value } }, 2);
      expect(result.ok ? undefined : result.error.message).toContain(`metadata.${key}`);
    }
  });

  it("gives each event its own copy of the metadata, as checked", () => {
    const validator = new EventValidator();
    const first = validator.parse({ ...event, metadata: { ...metadata, actor: "  KPA  " } });
    const second = validator.parse({ ...event, metadata: { ...metadata, actor: "  KPA  " } });
    if (!first.ok || !second.ok) throw new Error("refused");
    expect(first.event.metadata).toEqual({ ...metadata, actor: "KPA" });
    expect(second.event.metadata).toEqual(first.event.metadata);
    expect(second.event.metadata).not.toBe(first.event.metadata);
  });
});
