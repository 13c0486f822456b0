import { describe, expect, it } from "vitest";
import { GENESIS_HASH, type StoredEvent, serializeLog, verifyLog } from "../src/index.js";
import { editLine, linesOf } from "./support/lines.js";
import { LINE_A, append, meta, seedLog, storyLog } from "./support/plan.js";
import { rechain } from "./support/rechain.js";

const log = storyLog();
const text = serializeLog(log);
const lines = linesOf(log);
const firstOf = (version: number) => log.findIndex((e) => e.version === version) + 1;
const lastOf = (version: number) => log.findLastIndex((e) => e.version === version) + 1;

/** Rewrites events (then repairs the chain, as a forger who knows the format would). */
function forged(edit: (events: StoredEvent[]) => StoredEvent[]): string {
  return serializeLog(rechain(edit(log.map((e) => structuredClone(e)))));
}

describe("verifyLog", () => {
  it("accepts an intact log and tells its size and last hash", () => {
    expect(verifyLog(text)).toEqual({ ok: true, value: { events: log.length, versions: 5, lastHash: log.at(-1)?.hash } });
    expect(verifyLog("")).toEqual({ ok: true, value: { events: 0, versions: 0, lastHash: GENESIS_HASH } });
  });

  it("names the line in which one byte was flipped, wherever in the line", () => {
    const bytes = new TextEncoder().encode(text);
    const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => (m.index as number) + 1)];
    const encoder = new TextEncoder();
    for (let line = 1; line <= lines.length; line++) {
      const start = encoder.encode(text.slice(0, starts[line - 1])).length;
      const length = encoder.encode(lines[line - 1]).length;
      for (let k = 0; k < 12; k++) {
        const at = start + Math.floor((k * (length - 1)) / 11);
        const flipped = bytes.slice();
        flipped[at] = (flipped[at] as number) ^ 0x01;
        const result = verifyLog(new TextDecoder().decode(flipped));
        expect(result.ok, `line ${line}, byte ${at - start}`).toBe(false);
        if (!result.ok) expect(result.error.line, `line ${line}, byte ${at - start}: ${result.error.code} ${result.error.message}`).toBe(line);
      }
    }
  });

  it("reports a changed value as HASH_MISMATCH on its line", () => {
    const line = firstOf(3);
    const result = verifyLog(editLine(lines, line, (e) => void (e.data.pagu = 99_736_000)));
    expect(result).toMatchObject({ ok: false, error: { line, code: "HASH_MISMATCH" } });
  });

  it("reports a wrong prev as CHAIN_BROKEN", () => {
    expect(verifyLog(editLine(lines, 7, (e) => void (e.prev = log[2]?.hash)))).toMatchObject({ ok: false, error: { line: 7, code: "CHAIN_BROKEN" } });
    expect(verifyLog(editLine(lines, 1, (e) => void (e.prev = "1".repeat(64))))).toMatchObject({ ok: false, error: { line: 1, code: "CHAIN_BROKEN", message: expect.stringContaining("64 zeros") } });
  });

  it("passes parse errors on with their code and line", () => {
    expect(verifyLog([...lines.slice(0, 4), ...lines.slice(5)].join("\n"))).toMatchObject({ ok: false, error: { line: 5, code: "SEQ_OUT_OF_ORDER" } });
    expect(verifyLog(editLine(lines, 9, () => "{"))).toMatchObject({ ok: false, error: { line: 9, code: "INVALID_JSON" } });
  });

  it("replays the plan and names the last line of a version that breaks an invariant", () => {
    // A forged POK that leaves line A below what it gives to indicators.
    const text = forged((events) => {
      const pok = events.find((e) => e.version === 3 && e.type === "BudgetRevised" && e.data.line === LINE_A);
      if (pok?.type === "BudgetRevised") (pok.data as { pagu: number }).pagu = 50_000_000;
      return events;
    });
    const result = verifyLog(text);
    expect(result).toMatchObject({ ok: false, error: { line: lastOf(3), code: "INVARIANT_BROKEN" } });
    if (!result.ok) expect(result.error.message).toMatch(/^after version 3 \(lines 16-18\): LINE_OVER_ALLOCATED: budget line DR\.3165\.QIA\.005\.053\.A/);
  });

  it("names the line of an event that cannot be applied", () => {
    const line = firstOf(2) + 1;
    const text = forged((events) => {
      (events[line - 1]!.data as { line: string }).line = "DR.3165.QIA.009.053.A";
      return events;
    });
    expect(verifyLog(text)).toMatchObject({ ok: false, error: { line, code: "EVENT_NOT_APPLICABLE" } });
  });

  it("names an event that cannot be applied before a later fault in the same version", () => {
    const line = firstOf(2);
    const text = forged((events) => {
      (events[line - 1]!.data as { indicator: string }).indicator = "09.09";
      return events;
    });
    const later = editLine(text.trimEnd().split("\n"), line + 1, (e) => void (e.hash = "0".repeat(64)));
    expect(verifyLog(later)).toMatchObject({ ok: false, error: { line, code: "EVENT_NOT_APPLICABLE" } });
    expect(verifyLog(editLine(lines, line + 1, (e) => void (e.hash = "0".repeat(64))))).toMatchObject({ ok: false, error: { line: line + 1, code: "HASH_MISMATCH" } });
  });

  it("checks that a version's kind allows its events", () => {
    const relabel = (version: number, kind: string) =>
      forged((events) => events.map((e) => (e.version === version ? ({ ...e, metadata: { ...e.metadata, kind } } as StoredEvent) : e)));
    expect(verifyLog(relabel(2, "pok"))).toMatchObject({ ok: false, error: { line: firstOf(2), code: "REVISION_KIND_MISMATCH" } });
    expect(verifyLog(relabel(3, "draft"))).toMatchObject({ ok: false, error: { line: firstOf(3), code: "PLAN_SIGNED_REVISION_REQUIRED" } });
    const dipa = append(seedLog(), { meta: meta("dipa", "2024-06-10T10:00:00+07:00"), commands: [{ type: "reviseCeiling", data: { ceiling: 4_811_300_000 } }] });
    const asPok = serializeLog(rechain(dipa.map((e) => (e.version === 2 ? ({ ...e, metadata: { ...e.metadata, kind: "pok" } } as StoredEvent) : e))));
    expect(verifyLog(asPok)).toMatchObject({ ok: false, error: { line: dipa.length, code: "POK_CHANGES_CEILING" } });
  });

  it("cannot see a log cut after a whole line, but its last hash tells", () => {
    const cut = verifyLog(lines.slice(0, -1).join("\n"));
    expect(cut).toMatchObject({ ok: true, value: { events: log.length - 1 } });
    expect(cut.ok && cut.value.lastHash).not.toBe(log.at(-1)?.hash);
  });
});
