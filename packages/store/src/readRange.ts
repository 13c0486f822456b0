import { type CommittedVersion, instantOf } from "@rapk/history";
import { StoreError } from "./eventStore.js";
import type { ReadRange } from "./eventStore.js";

/** A range's bounds as numbers, checked once: an instant that is not one is an error, not an empty read. */
export interface RangeTest {
  /** Whether the version is inside the range. */
  readonly includes: (version: CommittedVersion) => boolean;
  /** Whether no version after this one can be inside (version numbers only rise; times may not). */
  readonly pastEnd: (version: CommittedVersion) => boolean;
}

export function rangeTest(range: ReadRange = {}): RangeTest {
  const toVersion = range.toVersion ?? Number.POSITIVE_INFINITY;
  const effective = bound(range.effectiveAt, "effectiveAt");
  const recorded = bound(range.recordedAt, "recordedAt");
  return {
    includes: (v) => v.version <= toVersion && instantOf(v.metadata.effectiveAt) <= effective && instantOf(v.metadata.recordedAt) <= recorded,
    pastEnd: (v) => v.version >= toVersion,
  };
}

function bound(iso: string | undefined, name: string): number {
  if (iso === undefined) return Number.POSITIVE_INFINITY;
  const instant = instantOf(iso);
  if (Number.isNaN(instant)) throw new StoreError("RANGE_INVALID", `${name} ${iso} is not an ISO date-time with an offset`);
  return instant;
}
