import { versionMetadataOf } from "@rapk/core";
import { GENESIS_HASH, type StoredEvent, hashEvent } from "../../src/index.js";

/**
 * The events as a v1 log holds them (what rapk wrote before format v2): no format tag, the
 * metadata {at, actor, reason, reference?, kind} on every line and inside its hash, the chain
 * through events alone. The tests of reading and verifying v1 logs run on these.
 */
export function asV1(events: readonly StoredEvent[]): StoredEvent[] {
  let prev = GENESIS_HASH;
  return events.map((event) => {
    const { effectiveAt: at, actor, reason, reference, kind } = versionMetadataOf(event.metadata);
    const metadata = reference === undefined ? { at, actor, reason, kind } : { at, actor, reason, reference, kind };
    const unsigned = { seq: event.seq, version: event.version, type: event.type, data: event.data, metadata, prev } as Omit<StoredEvent, "hash">;
    const hash = hashEvent(unsigned);
    prev = hash;
    return { ...unsigned, hash } as StoredEvent;
  });
}
