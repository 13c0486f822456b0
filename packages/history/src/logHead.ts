import { type VersionMetadata, versionMetadataOf } from "@rapk/core";
import { type CommitRecord, type CommittedVersion, FORMAT_V2, type LogHead, versionMetadataOfV1 } from "./commit.js";
import { hashCommit } from "./hash.js";
import { EMPTY_HEAD } from "./seal.js";
import type { StoredEvent } from "./storedEvent.js";
import { versionSpans } from "./version.js";

/**
 * Where a log of these events ends. For a v1 log, its last event's hash; for a v2 log, the hash
 * (or v3) log, the hash of the last version's commit record, rebuilt from the metadata its events carry (the record is
 * determined by them, so its hash is too). Costs the length of the last version.
 */
export function logHeadOf(events: readonly StoredEvent[]): LogHead {
  const last = events[events.length - 1];
  if (!last) return EMPTY_HEAD;
  if (last.format === undefined) return { version: last.version, seq: last.seq, head: last.hash };
  let count = 0;
  for (let i = events.length - 1; i >= 0 && (events[i] as StoredEvent).version === last.version; i--) count++;
  return { version: last.version, seq: last.seq, head: hashCommit(commitOf(last, count)) };
}

/**
 * The committed versions of a log's events: a v1 version as it is, a v2 version with its commit
 * record rebuilt from its events (a signature, which the events do not carry, is not rebuilt).
 */
export function versionsOf(events: readonly StoredEvent[]): CommittedVersion[] {
  const versions: CommittedVersion[] = [];
  for (const [start, end] of versionSpans(events)) {
    const slice = events.slice(start, end);
    const last = slice[slice.length - 1] as StoredEvent;
    if (last.format === undefined) {
      versions.push({ version: last.version, events: slice, metadata: versionMetadataOfV1(last.metadata), head: last.hash });
      continue;
    }
    const unsigned = commitOf(last, slice.length);
    const commit: CommitRecord = { ...unsigned, hash: hashCommit(unsigned) };
    versions.push({ version: last.version, events: slice, metadata: commit.metadata, head: commit.hash, commit });
  }
  return versions;
}

function commitOf(last: StoredEvent, count: number): Omit<CommitRecord, "hash"> {
  return { format: last.format ?? FORMAT_V2, commit: last.version, events: count, metadata: versionMetadataOf(last.metadata) as VersionMetadata, prev: last.hash };
}
