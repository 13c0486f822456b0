import { stateAfter, versionMetadataOf } from "@rapk/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type StoredEvent, appendRevision, logHeadOf, parseLog, serializeLog, verifyLog } from "../../src/index.js";
import { type Story, RUNS, commandsFor, intentArb, storyArb, wib } from "../support/arbitraries.js";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

type Path = (string | number)[];
function leaves(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [path];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, Array.isArray(value) ? Number(key) : key]));
}
function changed(value: unknown): unknown {
  if (typeof value === "string") return `${value}x`;
  if (typeof value === "number") return value + 1;
  if (typeof value === "boolean") return !value;
  return 0;
}

/** One tampering with a log's lines, and the line it happened at (1-based). */
type Tamper = { readonly lines: string[]; readonly at: number };
const tamperArb = (story: Story) => {
  const lines = serializeLog(story.log).trimEnd().split("\n");
  const n = lines.length;
  const field = fc.tuple(fc.nat(n - 1), fc.nat()).map(([k, p]): Tamper => {
    const event = JSON.parse(lines[k] as string);
    const paths = leaves(event);
    const path = paths[p % paths.length] as Path;
    let parent = event;
    for (const key of path.slice(0, -1)) parent = parent[key];
    parent[path.at(-1) as string] = changed(parent[path.at(-1) as string]);
    return { lines: lines.map((l, i) => (i === k ? JSON.stringify(event) : l)), at: k + 1 };
  });
  const swap = fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([i, j]) => i !== j).map(([i, j]): Tamper => {
    const copy = [...lines];
    [copy[i], copy[j]] = [copy[j] as string, copy[i] as string];
    return { lines: copy, at: Math.min(i, j) + 1 };
  });
  // Removing the last line leaves a valid, shorter log: only the last hash, kept elsewhere, can tell.
  const remove = fc.nat(Math.max(0, n - 2)).map((k): Tamper => ({ lines: lines.filter((_, i) => i !== k), at: k + 1 }));
  return n > 1 ? fc.oneof(field, swap, remove) : field;
};

describe("the log (properties)", () => {
  it("every generated log reads back exactly and verifies", () => {
    fc.assert(
      fc.property(storyArb, (story) => {
        const text = serializeLog(story.log);
        expect(parseLog(text)).toEqual({ ok: true, value: { events: story.log, versions: expect.any(Array), committedLines: expect.any(Number) } });
        expect(verifyLog(text)).toEqual({ ok: true, value: { events: story.log.length, versions: story.batches.length, lastHash: logHeadOf(story.log).head } });
      }),
      { numRuns: RUNS },
    );
  });

  it("any single change (a field, a swap, a removal) is found, at or before the line it happened", () => {
    fc.assert(
      fc.property(
        storyArb.chain((story) => tamperArb(story)),
        ({ lines, at }) => {
          const result = verifyLog(`${lines.join("\n")}\n`);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.line).toBeLessThanOrEqual(at);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a refused revision changes nothing; an accepted one only adds the next version", () => {
    fc.assert(
      fc.property(storyArb, intentArb, fc.integer({ min: -48, max: 48 }), (story, intent, hours) => {
        const log = deepFreeze(structuredClone(story.log)) as readonly StoredEvent[];
        const before = serializeLog(log);
        const last = log.at(-1) as StoredEvent;
        const lastHours = (Date.parse(versionMetadataOf(last.metadata).effectiveAt) - Date.parse(wib(0))) / 3_600_000;
        const { kind, commands } = commandsFor(intent, stateAfter(log));
        const result = appendRevision(log, { meta: { actor: "Tim", reason: "property", kind, at: wib(lastHours + hours) }, commands });
        expect(serializeLog(log)).toBe(before);
        if (hours < 0 && commands.length > 0) expect(result).toMatchObject({ ok: false, error: { code: "TIME_GOES_BACKWARDS" } });
        if (!result.ok) {
          expect(Object.keys(result)).toEqual(["ok", "error"]);
          expect(result.error.code).toMatch(/^[A-Z_]+$/);
          return;
        }
        expect(hours).toBeGreaterThanOrEqual(0);
        expect(result.version).toBe(last.version + 1);
        expect(result.events.map((e) => e.seq)).toEqual(result.events.map((_, i) => last.seq + 1 + i));
        expect(verifyLog(serializeLog([...log, ...result.events]))).toMatchObject({ ok: true, value: { versions: last.version + 1 } });
      }),
      { numRuns: RUNS },
    );
  });
});
