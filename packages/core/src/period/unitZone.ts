import { tz } from "@date-fns/tz";
import { formatISO } from "date-fns/formatISO";

/**
 * Indonesia's three time zones and their offsets (no daylight saving): WIB (*Waktu Indonesia
 * Barat*, western), WITA (*Waktu Indonesia Tengah*, central), WIT (*Waktu Indonesia Timur*,
 * eastern). A unit keeps its plan in its own zone, whatever the zone of the machine that writes.
 */
export const UNIT_ZONES = { WIB: "+07:00", WITA: "+08:00", WIT: "+09:00" } as const;

/** The zone a plan is written in unless it says otherwise: WIB, where most units (and the seed's) are. */
export const DEFAULT_ZONE_OFFSET = UNIT_ZONES.WIB;

const OFFSET = /^(Z|[+-](?:0\d|1[0-4]):[0-5]\d)$/;

/** The offset a zone is named by: `WIB`, `WITA`, `WIT` (any case) or an offset like `+08:00`; `undefined` otherwise. */
export function zoneOffset(zone: string): string | undefined {
  const named = UNIT_ZONES[zone.trim().toUpperCase() as keyof typeof UNIT_ZONES];
  if (named) return named;
  return OFFSET.test(zone.trim()) ? zone.trim() : undefined;
}

/** The offset an ISO date-time is written in (`+07:00`), `Z` when it has none. */
export function offsetWritten(iso: string): string {
  return /(Z|[+-]\d{2}:\d{2})$/.exec(iso)?.[1] ?? "Z";
}

/** The fixed-offset zone a date-time is written in, as date-fns takes it (`{ in: zoneOf(iso) }`). */
export function zoneOf(iso: string): ReturnType<typeof tz> {
  return zoneAt(offsetWritten(iso));
}

const zoneAt = (offset: string) => tz(offset === "Z" ? "+00:00" : offset);

/** An instant as the log writes it, in the given offset: `2024-02-23T15:00:00+07:00`. */
export function instantIn(date: Date, offset: string): string {
  return formatISO(date, { in: zoneAt(offset) });
}
