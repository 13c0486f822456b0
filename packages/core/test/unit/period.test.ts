import { describe, expect, it } from "vitest";
import { MONTHS, Month, monthCode, monthName } from "@rapk/core";
import { monthOfDate } from "../../src/period/monthOfDate.js";

const ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
const EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

describe("monthName", () => {
  it("names the months in Indonesian by default, Januari..Desember", () => {
    expect(MONTHS.map((m) => monthName(m))).toEqual(ID);
    expect(MONTHS.map((m) => monthName(m, "id"))).toEqual(ID);
  });

  it("names them in English on request", () => {
    expect(MONTHS.map((m) => monthName(m, "en"))).toEqual(EN);
  });
});

describe("monthCode", () => {
  it("writes the published column codes B01..B12", () => {
    expect(MONTHS.map(monthCode)).toEqual(["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B09", "B10", "B11", "B12"]);
  });
});

describe("Month and MONTHS", () => {
  it("are the twelve months 1..12 in order", () => {
    expect(MONTHS).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(Object.isFrozen(MONTHS)).toBe(true);
  });

  it.each([0, 13, 1.5, "1"])("refuse %j as a month", (value) => {
    expect(Month.safeParse(value).success).toBe(false);
  });
});

describe("monthOfDate (internal: the year check of a version's effective date)", () => {
  it("gives the fiscal year and month of an ISO date", () => {
    expect(monthOfDate("2024-02-22")).toEqual({ year: 2024, month: 2 });
    expect(monthOfDate("2024-12-31")).toEqual({ year: 2024, month: 12 });
  });

  it("reads a date-time's date as written, whatever the machine's time zone", () => {
    // 05:00 in Rejang Lebong (WIB, +07:00) on 1 January is still 31 December in UTC.
    expect(monthOfDate("2024-01-01T05:00:00+07:00")).toEqual({ year: 2024, month: 1 });
    expect(monthOfDate("2024-01-31T20:00:00-05:00")).toEqual({ year: 2024, month: 1 });
    expect(monthOfDate("2024-03-31T23:59:59Z")).toEqual({ year: 2024, month: 3 });
  });
});
