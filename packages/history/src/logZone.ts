import { DEFAULT_ZONE_OFFSET, offsetWritten } from "@rapk/core";
import type { History } from "./history.js";

/**
 * The offset a log is kept in: the one its first version takes effect in (what `rapk import
 * --zone` chose, WIB by default), the same offset history reads a date without one in; WIB for a
 * log with no version yet. A unit's plan keeps its zone whatever the zone of the machine (or the
 * server) that writes.
 */
export function zoneOfLog(history: History): string {
  const first = history.versions[0];
  return first ? offsetWritten(first.effectiveAt) : DEFAULT_ZONE_OFFSET;
}
