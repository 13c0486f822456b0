import { createHash } from "node:crypto";
import { GENESIS_HASH, type StoredEvent, hashInput, serializeEvent } from "@rapk/history";
import type { Batch } from "./generate.js";

/**
 * The log history would write for these batches: seq, version, metadata and the hash chain.
 * The hash is history's (sha256 of `hashInput`), taken with node's crypto because a million
 * events through a pure-JS sha256 would make the benchmark's setup its slowest part; the test
 * checks it equals history's `hashEvent`.
 */
export function toStoredEvents(batches: readonly Batch[]): StoredEvent[] {
  const stored: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  batches.forEach((batch, index) => {
    for (const event of batch.events) {
      const unhashed = { seq: stored.length + 1, version: index + 1, type: event.type, data: event.data, metadata: { ...batch.meta }, prev } as Omit<StoredEvent, "hash">;
      const hash = createHash("sha256").update(hashInput(unhashed)).digest("hex");
      stored.push({ ...unhashed, hash } as StoredEvent);
      prev = hash;
    }
  });
  return stored;
}

/** The NDJSON lines of a log, without their line breaks. */
export function toLines(events: readonly StoredEvent[]): string[] {
  return events.map(serializeEvent);
}
