import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderExamples } from "@rapk/examples";
import { openHistory, parseLog, verifyLog } from "@rapk/history";

const seedPath = new URL("../sources/rapk-2024-loka-pom-rejang-lebong.txt", import.meta.url);
const shipped = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), "utf8");
const rendered = renderExamples(readFileSync(seedPath, "utf8"));

describe("the shipped example logs", () => {
  it.each(Object.keys(rendered))("%s is exactly what the seed regenerates (pnpm --filter @rapk/examples generate)", (name) => {
    expect(shipped(name)).toBe(rendered[name]);
  });

  it.each(Object.keys(rendered).filter((n) => n.endsWith(".ndjson")))("%s verifies: chain intact, invariants hold at every version", (name) => {
    expect(verifyLog(shipped(name))).toMatchObject({ ok: true });
  });

  it("labels every event after the seed as illustrative", () => {
    const parsed = parseLog(rendered["loka-pom-rejang-lebong-2024-history.ndjson"]!);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const later = parsed.value.events.filter((e) => e.version > 1);
    expect(later.length).toBeGreaterThan(0);
    for (const event of later) {
      expect(event.metadata.actor).toMatch(/^\[illustrative\]/);
      expect(event.metadata.reason).toMatch(/^\[illustrative\]/);
    }
  });

  it("has reports for January to June, one Revisi POK that keeps the ceiling, and one revised target", () => {
    const parsed = parseLog(rendered["loka-pom-rejang-lebong-2024-history.ndjson"]!);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const history = openHistory(parsed.value.events);
    const kinds = history.versions.map((v) => v.kind);
    expect(kinds.filter((k) => k === "report")).toHaveLength(6);
    expect(kinds.filter((k) => k === "pok")).toHaveLength(1);
    expect(kinds.filter((k) => k === "rapk")).toHaveLength(1);
    const pok = history.versions.find((v) => v.kind === "pok")!;
    const before = history.stateAt(pok.number - 1);
    const after = history.stateAt(pok.number);
    expect(after.plan?.ceiling).toBe(before.plan?.ceiling);
    const paguTotal = (s: typeof before) => Object.values(s.lines).reduce((t, l) => t + l.pagu, 0);
    expect(paguTotal(after)).toBe(paguTotal(before));
    const changed = Object.keys(after.lines).filter((id) => after.lines[id]!.pagu !== before.lines[id]!.pagu);
    expect(changed).toHaveLength(2);
    expect(new Set(changed.map((id) => id.split(".").slice(0, 4).join(".")))).toEqual(new Set(["DR.3165.BDC.001"]));
    const months = new Set(parsed.value.events.filter((e) => e.type === "SpendingReported").map((e) => (e.data as { month: number }).month));
    expect([...months].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
