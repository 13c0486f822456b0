import { describe, expect, it } from "vitest";
import { DEFAULT_ZONE_OFFSET, instantIn, offsetWritten, startOfDayLike, zoneOffset } from "../../src/index.js";

describe("the unit's time zone", () => {
  it("names Indonesia's three zones and takes an offset, refusing anything else", () => {
    expect([zoneOffset("WIB"), zoneOffset("wita"), zoneOffset(" WIT "), zoneOffset("+05:30"), zoneOffset("Z")]).toEqual(["+07:00", "+08:00", "+09:00", "+05:30", "Z"]);
    expect([zoneOffset("Asia/Jakarta"), zoneOffset("+7"), zoneOffset("+25:00"), zoneOffset("")]).toEqual([undefined, undefined, undefined, undefined]);
    expect(DEFAULT_ZONE_OFFSET).toBe("+07:00");
  });

  it("writes an instant in the unit's offset whatever the machine's zone: 20:30 UTC is the next morning in WIB and WIT", () => {
    const instant = new Date("2024-02-23T20:30:00.000Z");
    expect(instantIn(instant, "+07:00")).toBe("2024-02-24T03:30:00+07:00");
    expect(instantIn(instant, "+09:00")).toBe("2024-02-24T05:30:00+09:00");
    expect(instantIn(instant, "Z")).toBe("2024-02-23T20:30:00Z");
    expect(new Date(instantIn(instant, "+08:00")).getTime()).toBe(instant.getTime());
  });

  it("reads the offset a date-time is written in, and starts a signing day in it", () => {
    expect([offsetWritten("2024-02-22T09:00:00+07:00"), offsetWritten("2024-02-22T02:00:00Z"), offsetWritten("2024-02-22")]).toEqual(["+07:00", "Z", "Z"]);
    expect(startOfDayLike("2024-02-22", instantIn(new Date("2024-02-23T20:30:00.000Z"), "+08:00"))).toBe("2024-02-22T00:00:00+08:00");
  });
});
