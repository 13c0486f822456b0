import { initialState, isRapkError, stateAfter } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { type VerifiedVersion, historyOf, openHistory, serializeLog, summarizeVersion, verifyLog } from "../src/index.js";
import { LINE_A, LINE_B, append, meta, seedLog, storyLog } from "./support/plan.js";

const log = storyLog();
const history = openHistory(log);

function codeOf(thunk: () => unknown): string | undefined {
  try {
    thunk();
  } catch (error) {
    if (isRapkError(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe("openHistory: versions", () => {
  it("lists every version with who, when, why, kind, its events and what changed", () => {
    expect(history.versions.map((v) => [v.number, v.kind, v.effectiveAt, v.reason, v.firstSeq, v.lastSeq, v.events])).toEqual([
      [1, "draft", "2024-02-22T09:00:00+07:00", "RAPK 2024 as published", 1, 13, 13],
      [2, "report", "2024-03-05T10:00:00+07:00", "January report", 14, 15, 2],
      [3, "pok", "2024-05-20T10:00:00+07:00", "Revisi POK: more food samples", 16, 18, 3],
      [4, "report", "2024-05-31T16:00:00+07:00", "May report", 19, 21, 3],
      [5, "rapk", "2024-07-01T08:00:00+07:00", "revised RAPK: higher satisfaction target", 22, 22, 1],
    ]);
    expect(history.versions[2]).toMatchObject({ actor: "Tim Perencanaan", reference: "ND pok/2024" });
  });

  it("keeps versions plain data: serialising them computes nothing, and equals their fields", () => {
    const copy = JSON.parse(JSON.stringify(history.versions)) as unknown[];
    expect(copy).toEqual(history.versions.map((v) => ({ ...v })));
    for (const version of history.versions)
      for (const key of Object.keys(version)) expect(Object.getOwnPropertyDescriptor(version, key)?.get, `${key} is a getter`).toBeUndefined();
    expect(history.versions[0]).not.toHaveProperty("summary");
  });

  it("summarises each version in one line", () => {
    expect(history.versions.map((v) => summarizeVersion(history, v.number))).toEqual([
      "plan drafted, 2 objectives added, 2 indicators added, 2 budget lines added, 3 contributions changed, plan signed, Rp204.578.000 added to budget lines",
      "1 realisation reported, 1 spending report",
      "pagu of 2 lines changed, 1 contribution changed, Rp5.000.000 moved",
      "2 realisations reported, 1 spending report",
      "1 target changed",
    ]);
  });

  it("opens an empty log", () => {
    const empty = openHistory([]);
    expect(empty.versions).toEqual([]);
    expect(empty.head).toEqual(initialState());
    expect(empty.versionAt("2024-05-31")).toBe(0);
  });

  it("refuses events that are not in log order", () => {
    expect(codeOf(() => openHistory(log.slice(1)))).toBe("LOG_INVALID");
    expect(codeOf(() => openHistory([log[0]!, { ...log[1]!, version: 3 }]))).toBe("LOG_INVALID");
  });
});

describe("openHistory: state at a version", () => {
  it("has the head and the state after every version, 0 being before anything", () => {
    expect(history.head).toEqual(stateAfter(log));
    expect(history.stateAt(0)).toEqual(initialState());
    for (const v of history.versions) expect(history.stateAt(v.number)).toEqual(stateAfter(log.slice(0, v.lastSeq)));
    expect(history.stateAt(2).lines[LINE_A]?.pagu).toBe(125_736_000);
    expect(history.stateAt(3).lines[LINE_A]?.pagu).toBe(120_736_000);
  });

  it("gives the same states whatever the checkpoint interval", () => {
    for (const interval of [1, 2, 5, 64, 1000]) {
      const other = openHistory(log, { checkpointInterval: interval });
      expect(other.checkpointInterval).toBe(interval);
      for (let n = 0; n <= log.length; n++) expect(other.stateAtSeq(n)).toEqual(stateAfter(log.slice(0, n)));
      // Backwards too: the states kept inside a version are made on the first question inside it, whichever comes first.
      const fresh = openHistory(log, { checkpointInterval: interval });
      for (let n = log.length; n >= 0; n--) expect(fresh.stateAtSeq(n)).toEqual(stateAfter(log.slice(0, n)));
    }
    expect(() => openHistory(log, { checkpointInterval: 0 })).toThrow(RangeError);
  });

  it("refuses a version or event that does not exist", () => {
    expect(codeOf(() => history.stateAt(6))).toBe("VERSION_OUT_OF_RANGE");
    expect(codeOf(() => history.stateAt(-1))).toBe("VERSION_OUT_OF_RANGE");
    expect(codeOf(() => history.stateAt(1.5))).toBe("VERSION_OUT_OF_RANGE");
    expect(codeOf(() => history.stateAtSeq(log.length + 1))).toBe("SEQ_OUT_OF_RANGE");
  });

  it("names the line of an event that cannot be applied", () => {
    const broken = [...log.slice(0, 14), { ...log[14]!, data: { line: "DR.3165.QIA.009.053.A", month: 1, amount: 1 } }] as typeof log;
    try {
      openHistory(broken);
      throw new Error("expected an error");
    } catch (error) {
      expect(isRapkError(error, "EVENT_NOT_APPLICABLE")).toBe(true);
      expect(error).toMatchObject({ code: "EVENT_NOT_APPLICABLE", line: 15 });
    }
  });
});

describe("openHistory: time travel (as-of)", () => {
  it("finds the last version at or before a date, a date meaning the end of that day in the log's offset", () => {
    expect(history.versionAt("2024-02-21")).toBe(0);
    expect(history.versionAt("2024-02-22")).toBe(1);
    expect(history.versionAt("2024-05-30")).toBe(3);
    expect(history.versionAt("2024-05-31")).toBe(4); // the May report came at 16:00 WIB that day
    expect(history.versionAt("2024-06-30")).toBe(4);
    expect(history.versionAt("2024-07-01")).toBe(5);
    expect(history.versionAt("2030-01-01")).toBe(5);
  });

  it("reads a date-time at its offset, or in the log's offset when it has none", () => {
    expect(history.versionAt("2024-05-31T15:59:59+07:00")).toBe(3);
    expect(history.versionAt("2024-05-31T16:00:00+07:00")).toBe(4);
    expect(history.versionAt("2024-05-31T09:00:00Z")).toBe(4);
    expect(history.versionAt("2024-05-31T08:59:59.999Z")).toBe(3);
    expect(history.versionAt("2024-05-31T16:00")).toBe(4);
    expect(history.versionAt("2024-05-31T15:59")).toBe(3);
  });

  it("takes the offset from the log's first event", () => {
    // 20:00 UTC on 31 May is already 1 June in Rejang Lebong (WIB, +07:00), the log's offset.
    const late = append(seedLog(), { meta: meta("report", "2024-05-31T20:00:00Z"), commands: [{ type: "reportSpending", data: { line: LINE_B, month: 5, amount: 1 } }] });
    const h = openHistory(late);
    expect(h.versionAt("2024-05-31")).toBe(1);
    expect(h.versionAt("2024-06-01")).toBe(2);
  });

  it("gives the plan as it stood at a moment", () => {
    const may = history.stateAtTime("2024-05-31");
    expect(may.lines[LINE_B]?.pagu).toBe(83_842_000);
    expect(may.realisations["01.01"]?.[5]).toMatchObject({ value: 95.83, numerator: 23, denominator: 24 });
    expect(may.indicators["04.01"]?.targets[11]).toBe(91);
    expect(history.stateAtTime("2024-07-01T08:00:00+07:00").indicators["04.01"]?.targets[11]).toBe(92);
    expect(history.stateAtTime("2024-01-01")).toEqual(initialState());
  });

  it("refuses what is not a date or a date-time", () => {
    for (const input of ["2024-02-30", "2024-13-01", "31/05/2024", "yesterday", "2024-05-31T25:00:00+07:00", ""])
      expect(codeOf(() => history.versionAt(input)), input).toBe("INVALID_INSTANT");
  });
});

describe("historyOf: a history opened on the versions verifyLog handed over", () => {
  it("given a log verified with onVersion, then its history has the versions, events and states openHistory replays, at every version and inside one", () => {
    const verified: VerifiedVersion[] = [];
    expect(verifyLog(serializeLog(log), { onVersion: (version) => verified.push(version) }).ok).toBe(true);
    const opened = historyOf(verified, { checkpointInterval: 2 });
    expect(opened.versions).toEqual(history.versions);
    expect(opened.events).toEqual(history.events);
    for (let n = 0; n <= history.versions.length; n++) expect(opened.stateAt(n)).toEqual(history.stateAt(n));
    // The states are the verified ones, not replayed again.
    expect(opened.stateAt(3)).toBe(verified[2]?.state);
    for (let seq = 0; seq <= log.length; seq++) expect(opened.stateAtSeq(seq)).toEqual(history.stateAtSeq(seq));
    expect(opened.versionAt("2024-05-31")).toBe(history.versionAt("2024-05-31"));
  });
});
