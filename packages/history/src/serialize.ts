import { type CommitRecord, type CommittedVersion, FORMAT_V3 } from "./commit.js";
import { versionsOf } from "./logHead.js";
import type { StoredEvent } from "./storedEvent.js";

/**
 * One log line. A v2 or v3 event: format, seq, version, type, data, prev, hash (no metadata: the
 * commit record holds it). A v1 event: seq, version, type, data, metadata, prev, hash. No
 * whitespace, no newline. Data and metadata keep the order the schemas give them: a v3 line's
 * hash covers these very bytes; a v1 or v2 hash is taken over the canonical form instead.
 */
export function serializeEvent(event: StoredEvent): string {
  const { format, seq, version, type, data, metadata, prev, hash } = event;
  return format === undefined
    ? JSON.stringify({ seq, version, type, data, metadata, prev, hash })
    : JSON.stringify({ format, seq, version, type, data, prev, hash });
}

/**
 * A commit record line: format, commit, events, metadata, prev, hash and, when signed, its
 * signature (v2) or signatures (v3), outside the hash.
 */
export function serializeCommit(record: CommitRecord): string {
  const { format, commit, events, metadata, prev, hash, signature, signatures } = record;
  if (format === FORMAT_V3)
    return JSON.stringify(signatures === undefined || signatures.length === 0 ? { format, commit, events, metadata, prev, hash } : { format, commit, events, metadata, prev, hash, signatures });
  return JSON.stringify(signature === undefined ? { format, commit, events, metadata, prev, hash } : { format, commit, events, metadata, prev, hash, signature });
}

/** A version's lines: its events, then its commit record (a v1 version has none), each ended by "\n". */
export function serializeVersion(version: CommittedVersion): string {
  let text = "";
  for (const event of version.events) text += `${serializeEvent(event)}\n`;
  if (version.commit) text += `${serializeCommit(version.commit)}\n`;
  return text;
}

/** Whole versions as NDJSON, in order (no versions is ""). */
export function serializeVersions(versions: readonly CommittedVersion[]): string {
  let text = "";
  for (const version of versions) text += serializeVersion(version);
  return text;
}

/**
 * A log of these events as NDJSON: v1 events one line each, v2 versions as their event lines and
 * a commit record rebuilt from the metadata they carry (without a signature: to keep signatures,
 * write the versions as read, with serializeVersions).
 */
export function serializeLog(events: readonly StoredEvent[]): string {
  return serializeVersions(versionsOf(events));
}
