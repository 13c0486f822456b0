import { describe, expect, it } from "vitest";
import { IndicatorId, LineId, type PlanEvent, checkVersionTimes, signingDateOf, startOfDayLike } from "../../src/index.js";

const report = (month: number): PlanEvent => ({ type: "SpendingReported", data: { line: LineId.parse("DR.3165.QIA.005.053.A"), month, amount: 1 } });
const realisation = (month: number): PlanEvent => ({ type: "RealisationReported", data: { indicator: IndicatorId.parse("01.01"), month, value: 50 } });
const times = (recordedAt: string, effectiveAt = recordedAt) => ({ recordedAt, effectiveAt });

describe("checkVersionTimes: two dates per version", () => {
  const previous = times("2024-03-01T10:00:00+07:00", "2024-02-22T09:00:00+07:00");

  it("accepts dates at or after the previous version's, compared as instants", () => {
    expect(checkVersionTimes(times("2024-03-01T03:00:00Z", "2024-02-22T02:00:00Z"), previous, 2024, [])).toBeUndefined();
    expect(checkVersionTimes(times("2024-03-02T10:00:00+07:00", "2024-03-11T10:00:00+07:00"), previous, 2024, [])).toBeUndefined();
  });

  it("refuses an effective date before the last version's, pointing to a correction instead", () => {
    const error = checkVersionTimes(times("2024-03-02T10:00:00+07:00", "2024-02-21T10:00:00+07:00"), previous, 2024, []);
    expect(error).toMatchObject({ code: "TIME_GOES_BACKWARDS", path: ["meta", "at"] });
    expect(error?.message).toMatch(/corrects/);
  });

  it("refuses a writer's clock that went back", () => {
    expect(checkVersionTimes(times("2024-02-29T10:00:00+07:00", "2024-03-01T10:00:00+07:00"), previous, 2024, [])).toMatchObject({
      code: "TIME_GOES_BACKWARDS",
      path: ["meta", "recordedAt"],
    });
  });

  it("refuses a date in 2204 (after the fiscal year's end + 1 year), which would block every later revision", () => {
    expect(checkVersionTimes(times("2204-01-01T10:00:00+07:00", "2204-01-01T10:00:00+07:00"), previous, 2024, [])).toMatchObject({ code: "EFFECTIVE_TOO_LATE" });
    expect(checkVersionTimes(times("2024-03-02T10:00:00+07:00", "2204-03-02T10:00:00+07:00"), previous, 2024, [])).toMatchObject({ code: "EFFECTIVE_TOO_LATE" });
    // The last day of the following year is still within a year of the fiscal year's end.
    expect(checkVersionTimes(times("2025-12-31T10:00:00+07:00", "2025-12-31T23:00:00+07:00"), previous, 2024, [])).toBeUndefined();
    expect(checkVersionTimes(times("2026-01-01T10:00:00+07:00"), previous, 2024, [])).toMatchObject({ code: "EFFECTIVE_TOO_LATE" });
  });

  it("measures the fiscal year's window from where the log stands: a log already past it (the first release dated versions the day they were written) takes a version recorded now, never one dated ahead", () => {
    const written = times("2026-03-02T10:00:00+07:00");
    expect(checkVersionTimes(times("2026-12-07T10:00:00+07:00"), written, 2024, [])).toBeUndefined();
    expect(checkVersionTimes(times("2026-12-07T10:00:00+07:00", "2026-12-01T10:00:00+07:00"), written, 2024, [])).toBeUndefined();
    const ahead = checkVersionTimes(times("2026-12-07T10:00:00+07:00", "2026-12-08T10:00:00+07:00"), written, 2024, []);
    expect(ahead).toMatchObject({ code: "EFFECTIVE_TOO_LATE", path: ["meta", "at"] });
    expect(ahead?.message).toMatch(/after it is recorded \(2026-12-07T10:00:00\+07:00\)/);
    // Its dates never go back: a revision dated in the plan's own year is still before its last version.
    expect(checkVersionTimes(times("2026-12-07T10:00:00+07:00", "2024-07-05T10:00:00+07:00"), written, 2024, [])).toMatchObject({ code: "TIME_GOES_BACKWARDS" });
    // A log within the window is not pushed past it by a version recorded past it.
    expect(checkVersionTimes(times("2026-12-07T10:00:00+07:00"), previous, 2024, [])).toMatchObject({ code: "EFFECTIVE_TOO_LATE" });
  });

  it("refuses a date more than 400 days after it is recorded", () => {
    expect(checkVersionTimes(times("2024-03-02T10:00:00+07:00", "2025-04-06T10:00:00+07:00"), previous, 2024, [])).toBeUndefined();
    expect(checkVersionTimes(times("2024-03-02T10:00:00+07:00", "2025-04-07T10:00:00+07:00"), previous, 2024, [])).toMatchObject({ code: "EFFECTIVE_TOO_LATE" });
  });

  it("refuses a report for month M that takes effect before month M starts (December's realisation on 1 April)", () => {
    const april = times("2024-04-01T10:00:00+07:00");
    expect(checkVersionTimes(april, previous, 2024, [realisation(12)])).toMatchObject({ code: "REPORT_BEFORE_MONTH", path: ["meta", "at"] });
    expect(checkVersionTimes(april, previous, 2024, [report(5)])?.message).toMatch(/May 2024/);
    expect(checkVersionTimes(april, previous, 2024, [realisation(3), report(4)])).toBeUndefined();
    // Read in the date's own offset: 1 April 00:30 WIB is April in Rejang Lebong.
    expect(checkVersionTimes(times("2024-04-01T00:30:00+07:00"), previous, 2024, [report(4)])).toBeUndefined();
  });
});

describe("the effective date of an import", () => {
  it("is the start of the signing day, in the offset of the writer's clock", () => {
    expect(signingDateOf([{ type: "draftPlan", data: {} }, { type: "signPlan", data: { date: "2024-02-22" } }])).toBe("2024-02-22");
    expect(signingDateOf([{ type: "draftPlan", data: {} }])).toBeUndefined();
    expect(startOfDayLike("2024-02-22", "2026-11-30T11:00:00+07:00")).toBe("2024-02-22T00:00:00+07:00");
    expect(startOfDayLike("2024-02-22", "2026-11-30T04:00:00Z")).toBe("2024-02-22T00:00:00Z");
  });
});
