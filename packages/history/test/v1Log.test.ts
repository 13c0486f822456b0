import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { appendRevision, openHistory, parseLog, serializeLog, verifyLog } from "../src/index.js";

// Versions 1-2 of the shipped example as today's main wrote it before the two dates (log format
// v1: one `at` in every event's metadata). Kept byte for byte: such logs must stay readable.
const V1 = readFileSync(new URL("./fixtures/v1-loka-pom-2024.ndjson", import.meta.url), "utf8");

describe("a v1 log (metadata.at)", () => {
  it("is written the old way: every line has metadata.at and no recordedAt", () => {
    const lines = V1.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines.every((line) => typeof line.metadata.at === "string" && !("recordedAt" in line.metadata))).toBe(true);
  });

  it("parses, verifies and opens, reading at as recordedAt = effectiveAt", () => {
    expect(verifyLog(V1)).toMatchObject({ ok: true, value: { events: 190, versions: 2 } });
    const parsed = parseLog(V1);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(serializeLog(parsed.value.events)).toBe(V1);
    const history = openHistory(parsed.value.events);
    expect(history.versions.map((v) => [v.number, v.kind, v.recordedAt, v.effectiveAt])).toEqual([
      [1, "draft", "2024-02-22T09:00:00+07:00", "2024-02-22T09:00:00+07:00"],
      [2, "report", "2024-02-26T10:00:00+07:00", "2024-02-26T10:00:00+07:00"],
    ]);
    expect(history.versionAt("2024-02-25")).toBe(1);
    expect(history.versionKnownAt("2024-02-25")).toBe(1);
    expect(history.versionAt("2024-02-26")).toBe(2);
  });

  it("is appended to: the new version carries both dates, and the whole log still verifies", () => {
    const parsed = parseLog(V1);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const result = appendRevision(
      parsed.value.events,
      {
        meta: { actor: "Tim", reason: "March report", kind: "report", effectiveAt: "2024-04-05T10:00:00+07:00" },
        commands: [{ type: "reportRealisation", data: { indicator: "01.01", month: 3, value: 50 } }],
      },
      { now: () => "2024-04-08T09:00:00+07:00" },
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.events[0]?.metadata).toMatchObject({ recordedAt: "2024-04-08T09:00:00+07:00", effectiveAt: "2024-04-05T10:00:00+07:00" });
    const text = V1 + serializeLog(result.events);
    expect(verifyLog(text)).toMatchObject({ ok: true, value: { versions: 3 } });
    const reread = parseLog(text);
    expect(reread.ok && openHistory(reread.value.events).versions[2]).toMatchObject({ recordedAt: "2024-04-08T09:00:00+07:00", effectiveAt: "2024-04-05T10:00:00+07:00" });
  });

  it("refuses a revision taking effect before the v1 log's last at", () => {
    const parsed = parseLog(V1);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const result = appendRevision(
      parsed.value.events,
      { meta: { actor: "Tim", reason: "late", kind: "report", at: "2024-02-25T10:00:00+07:00" }, commands: [{ type: "reportRealisation", data: { indicator: "01.01", month: 2, value: 50 } }] },
      { now: () => "2024-04-08T09:00:00+07:00" },
    );
    expect(result).toMatchObject({ ok: false, error: { code: "TIME_GOES_BACKWARDS" } });
  });
});

describe("two time axes", () => {
  // Recorded late: the Revisi POK of 11 March was entered on 2 April.
  const parsed = parseLog(V1);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const pok = appendRevision(
    parsed.value.events,
    {
      meta: { actor: "KPA", reason: "Revisi POK", kind: "pok", effectiveAt: "2024-03-11T10:00:00+07:00" },
      commands: [{ type: "reviseBudget", data: { line: "DR.3165.QIC.004.053.A", pagu: 45_400_000 } }, { type: "allocateContribution", data: { indicator: "01.05", line: "DR.3165.QIC.004.053.A", amount: 45_400_000 } }, { type: "reviseBudget", data: { line: "DR.3165.QIC.004.055.A", pagu: 32_600_000 } }, { type: "allocateContribution", data: { indicator: "01.05", line: "DR.3165.QIC.004.055.A", amount: 32_600_000 } }],
    },
    { now: () => "2024-04-02T09:00:00+07:00" },
  );
  if (!pok.ok) throw new Error(pok.error.message);
  const history = openHistory([...parsed.value.events, ...pok.events]);

  it("in force on a date follows effectiveAt; as known at a time follows recordedAt", () => {
    expect(history.versionAt("2024-03-10")).toBe(2);
    expect(history.versionAt("2024-03-11")).toBe(3);
    // On 31 March the revision was in force, but the log did not know it yet.
    expect(history.versionAt("2024-03-31")).toBe(3);
    expect(history.versionKnownAt("2024-03-31")).toBe(2);
    expect(history.versionKnownAt("2024-04-02T09:00:00+07:00")).toBe(3);
  });
});
