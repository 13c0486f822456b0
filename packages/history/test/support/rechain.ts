import { GENESIS_HASH, type StoredEvent, hashEvent } from "../../src/index.js";

/**
 * Rewrites prev and hash of every event so the chain is intact again: what someone who tampers
 * with a log and knows the format would do. Lets tests reach the checks behind the chain.
 */
export function rechain(events: readonly StoredEvent[]): StoredEvent[] {
  let prev = GENESIS_HASH;
  return events.map((event) => {
    const unsigned = { ...event, prev } as Omit<StoredEvent, "hash"> & { hash?: string };
    delete unsigned.hash;
    const hash = hashEvent(unsigned);
    prev = hash;
    return { ...unsigned, hash } as StoredEvent;
  });
}
