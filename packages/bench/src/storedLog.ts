import { createHash } from "node:crypto";
import { closeSync, fsyncSync, openSync, writeFileSync } from "node:fs";
import type { PlanEvent, VersionMetadata } from "@rapk/core";
import { FORMAT_V2, GENESIS_HASH, type StoredEvent, canonicalJson, hashCommit, hashInput, serializeCommit, serializeEvent } from "@rapk/history";
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

/**
 * Writes the first `events` events of the generated history as a v2 log (what rapk writes now),
 * version by version, each closed by its commit record. The event hashes are taken with node's
 * crypto; they are history's hashes all the same (sha256 of the canonical line).
 */
export function writeV2Log(file: string, history: readonly Batch[], events: number): string {
  const parts: string[] = [];
  let prev = GENESIS_HASH;
  let seq = 0;
  for (const [index, batch] of history.entries()) {
    if (seq >= events) break;
    const version = index + 1;
    const taken = batch.events.slice(0, events - seq) as PlanEvent[];
    for (const event of taken) {
      seq += 1;
      const line = { format: FORMAT_V2, seq, version, type: event.type, data: event.data, prev };
      const hash = createHash("sha256").update(canonicalJson(line)).digest("hex");
      parts.push(JSON.stringify({ ...line, hash }));
      prev = hash;
    }
    const { at, ...rest } = batch.meta;
    const unsigned = { format: FORMAT_V2, commit: version, events: taken.length, metadata: { recordedAt: at, effectiveAt: at, ...rest } as VersionMetadata, prev };
    const commit = { ...unsigned, hash: hashCommit(unsigned) };
    parts.push(serializeCommit(commit));
    prev = commit.hash;
  }
  writeFileSync(file, `${parts.join("\n")}\n`);
  // Flushed now, so that a timing that follows does not pay for writing the whole log out.
  const fd = openSync(file, "r+");
  fsyncSync(fd);
  closeSync(fd);
  return file;
}
