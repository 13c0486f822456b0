import { stateAfter } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { GENESIS_HASH, appendRevision, hashEvent, openHistory, parseLog, serializeLog, verifyLog } from "../src/index.js";
import { LINE_A, LINE_B, SEED_DRAFT, meta, seedLog, storyLog } from "./support/plan.js";

const pokMoving = (amount: number) => [
  { type: "reviseBudget", data: { line: LINE_A, pagu: 125_736_000 - amount } },
  { type: "reviseBudget", data: { line: LINE_B, pagu: 78_842_000 + amount } },
];

describe("appendRevision", () => {
  it("stamps the first version: seq from 1, version 1, metadata, a chain from the genesis hash", () => {
    const result = appendRevision([], { meta: meta("draft", "2024-02-22T09:00:00+07:00"), commands: SEED_DRAFT }, { now: () => "2026-11-30T10:00:00+07:00" });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.version).toBe(1);
    expect(result.events.map((e) => e.seq)).toEqual(SEED_DRAFT.map((_, i) => i + 1));
    expect(result.events.every((e) => e.version === 1)).toBe(true);
    expect(result.events[0]?.prev).toBe(GENESIS_HASH);
    for (const [i, event] of result.events.entries()) {
      expect(event.hash).toBe(hashEvent(event));
      if (i > 0) expect(event.prev).toBe(result.events[i - 1]?.hash);
      expect(event.metadata).toEqual({ recordedAt: "2026-11-30T10:00:00+07:00", effectiveAt: "2024-02-22T09:00:00+07:00", actor: "Tim Perencanaan", reason: "a draft revision", reference: "ND draft/2024", kind: "draft" });
    }
    // One commit record closes the version: its count, its metadata, its place in the chain.
    expect(result.sealed.commit).toMatchObject({ format: "rapk/3", commit: 1, events: SEED_DRAFT.length, prev: result.events.at(-1)?.hash });
    expect(result.sealed.commit?.metadata).toEqual({ recordedAt: "2026-11-30T10:00:00+07:00", effectiveAt: "2024-02-22T09:00:00+07:00", actor: "Tim Perencanaan", reason: "a draft revision", reference: "ND draft/2024", kind: "draft" });
  });

  it("accepts a Revisi POK that moves money between lines, as the next version, chained to the log", () => {
    const log = seedLog();
    const result = appendRevision(log, { meta: meta("pok", "2024-05-20T10:00:00+07:00"), commands: pokMoving(5_000_000) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.version).toBe(2);
    expect(result.events.map((e) => [e.seq, e.version, e.type])).toEqual([
      [log.length + 1, 2, "BudgetRevised"],
      [log.length + 2, 2, "BudgetRevised"],
    ]);
    expect(result.events[0]?.prev).toBe(log.at(-1)?.hash);
    const after = stateAfter([...log, ...result.events]);
    expect([after.lines[LINE_A]?.pagu, after.lines[LINE_B]?.pagu]).toEqual([120_736_000, 83_842_000]);
    expect(verifyLog(serializeLog([...log, ...result.events]))).toMatchObject({ ok: true, value: { versions: 2 } });
  });

  it("refuses a Revisi POK that changes the ceiling, and changes nothing", () => {
    const log = seedLog();
    const before = serializeLog(log);
    const result = appendRevision(log, { meta: meta("pok", "2024-05-20T10:00:00+07:00"), commands: [{ type: "reviseCeiling", data: { ceiling: 4_900_000_000 } }] });
    expect(result).toMatchObject({ ok: false, error: { code: "POK_CHANGES_CEILING" } });
    expect(serializeLog(log)).toBe(before);
    // The same change as a Revisi DIPA is accepted.
    expect(appendRevision(log, { meta: meta("dipa", "2024-05-20T10:00:00+07:00"), commands: [{ type: "reviseCeiling", data: { ceiling: 4_900_000_000 } }] }).ok).toBe(true);
  });

  it("refuses the whole batch when one command breaks an invariant (all-or-nothing)", () => {
    const result = appendRevision(seedLog(), { meta: meta("pok", "2024-05-20T10:00:00+07:00"), commands: [...pokMoving(5_000_000), { type: "reviseBudget", data: { line: LINE_A, pagu: 1_000 } }] });
    expect(result).toMatchObject({ ok: false, error: { code: "LINE_OVER_ALLOCATED" } });
  });

  it("passes on core's refusals: kinds carry only their commands, a signed plan needs a revision", () => {
    const log = seedLog();
    expect(appendRevision(log, { meta: meta("report", "2024-05-20T10:00:00+07:00"), commands: pokMoving(1) })).toMatchObject({ ok: false, error: { code: "REVISION_KIND_MISMATCH" } });
    expect(appendRevision(log, { meta: meta("rapk", "2024-05-20T10:00:00+07:00"), commands: [{ type: "setTarget", data: { indicator: "09.09", month: 1, value: 1 } }] })).toMatchObject({
      ok: false,
      error: { code: "UNKNOWN_INDICATOR" },
    });
  });

  it("refuses a draft batch that changes a signed plan", () => {
    const result = appendRevision(seedLog(), { meta: meta("draft", "2024-05-20T10:00:00+07:00"), commands: pokMoving(1) });
    expect(result).toMatchObject({ ok: false, error: { code: "PLAN_SIGNED_REVISION_REQUIRED" } });
  });

  it("refuses a revision dated before the last version (TIME_GOES_BACKWARDS), comparing instants", () => {
    const log = seedLog();
    expect(appendRevision(log, { meta: meta("pok", "2024-02-22T08:59:59+07:00"), commands: pokMoving(1) })).toMatchObject({ ok: false, error: { code: "TIME_GOES_BACKWARDS", path: ["meta", "at"] } });
    // 02:00Z is 09:00 WIB, the very time of version 1: not backwards.
    expect(appendRevision(log, { meta: meta("pok", "2024-02-22T02:00:00Z"), commands: pokMoving(1) }).ok).toBe(true);
  });

  it("takes the time from the clock when the revision has none", () => {
    const { at: _, ...undated } = meta("pok", "");
    const result = appendRevision(seedLog(), { meta: undated, commands: pokMoving(1) }, { now: () => "2024-06-01T08:00:00+07:00" });
    expect(result.ok && result.events[0]?.metadata).toMatchObject({ recordedAt: "2024-06-01T08:00:00+07:00", effectiveAt: "2024-06-01T08:00:00+07:00" });
    // The real clock: today is long after fiscal year 2024, so an undated change cannot be meant...
    expect(appendRevision(seedLog(), { meta: undated, commands: pokMoving(1) })).toMatchObject({ ok: false, error: { code: "EFFECTIVE_TOO_LATE", path: ["meta", "at"] } });
    // ...but a dated one is recorded now, and reads back.
    const clocked = appendRevision(seedLog(), { meta: { ...undated, at: "2024-06-01T08:00:00+07:00" }, commands: pokMoving(1) });
    expect(clocked.ok && parseLog(serializeLog([...seedLog(), ...clocked.events])).ok).toBe(true);
    expect(appendRevision(seedLog(), { meta: undated, commands: pokMoving(1) }, { now: () => "yesterday" })).toMatchObject({ ok: false, error: { code: "REVISION_INVALID" } });
  });

  it("refuses an invalid revision, naming the field", () => {
    expect(appendRevision(seedLog(), { meta: { ...meta("pok", "2024-06-01T08:00:00+07:00"), actor: "" }, commands: pokMoving(1) })).toMatchObject({
      ok: false,
      error: { code: "REVISION_INVALID", message: "revision: meta.actor must name who made the change" },
    });
    expect(appendRevision(seedLog(), { meta: meta("pok", "2024-06-01T08:00:00+07:00"), commands: [] })).toMatchObject({ ok: false, error: { code: "REVISION_INVALID" } });
    expect(appendRevision(seedLog(), undefined as never)).toMatchObject({ ok: false, error: { code: "REVISION_INVALID", message: "revision must be a JSON object" } });
    expect(appendRevision(seedLog(), { commands: pokMoving(1) } as never)).toMatchObject({ ok: false, error: { code: "REVISION_INVALID", message: "revision: meta must be a JSON object" } });
  });

  it("uses an open history's head instead of replaying, but only when it is the history of this log", () => {
    const log = storyLog();
    // The POK of the story already set line A to 120.736.000: asking again is NO_CHANGE.
    const again = { meta: meta("pok", "2024-07-02T08:00:00+07:00"), commands: [{ type: "reviseBudget", data: { line: LINE_A, pagu: 120_736_000 } }] };
    expect(appendRevision(log, again)).toMatchObject({ ok: false, error: { code: "NO_CHANGE" } });
    expect(appendRevision(log, again, { history: openHistory(log) })).toMatchObject({ ok: false, error: { code: "NO_CHANGE" } });
    // A history of the same log is trusted for its head (here a doctored one, to show it is used)...
    const doctored = { ...openHistory(log), head: stateAfter(seedLog()) };
    expect(appendRevision(log, again, { history: doctored }).ok).toBe(true);
    // ...and a history of another log is not.
    expect(appendRevision(log, again, { history: openHistory(seedLog()) })).toMatchObject({ ok: false, error: { code: "NO_CHANGE" } });
  });

  it("writes events that read back identically", () => {
    const log = storyLog();
    expect(parseLog(serializeLog(log))).toEqual({ ok: true, value: { events: log, versions: expect.any(Array), committedLines: expect.any(Number) } });
  });
});
