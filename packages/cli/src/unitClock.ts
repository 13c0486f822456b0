import { DEFAULT_ZONE_OFFSET, instantIn, offsetWritten } from "@rapk/core";
import type { History } from "@rapk/history";
import type { Io } from "./io.js";

/**
 * The offset a log is kept in: the one its first version takes effect in (what `rapk import
 * --zone` chose, WIB by default), the same offset history reads a date without one in; WIB for a
 * log with no version yet. A unit's plan keeps its zone whatever the zone of the machine that writes.
 */
export function zoneOfLog(history: History): string {
  const first = history.versions[0];
  return first ? offsetWritten(first.effectiveAt) : DEFAULT_ZONE_OFFSET;
}

/** The writer's clock (the machine's, or the one a test gives), written in `offset`. */
export function clockIn(io: Io, offset: string): string {
  return instantIn(io.now?.() ?? new Date(), offset);
}
