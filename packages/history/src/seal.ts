import type { PlanEvent } from "@rapk/core";
import { type CommitRecord, type CommittedVersion, FORMAT_V2, type LogHead, type VersionMetadata, eventMetadataOf } from "./commit.js";
import { hashCommit, hashEvent } from "./hash.js";
import { GENESIS_HASH, type StoredEvent } from "./storedEvent.js";

/** The head of an empty log: version 0, no events, the genesis hash. */
export const EMPTY_HEAD: LogHead = Object.freeze({ version: 0, seq: 0, head: GENESIS_HASH });

/**
 * Stamps one version's events for the log after `head`: each as a v2 line (seq, the next version
 * number, prev, hash), then the commit record holding the metadata and the version's head. Pure:
 * what a store appends (and checks with {@link checkSealed}) and what a signature signs.
 */
export function sealVersion(head: LogHead, events: readonly PlanEvent[], metadata: VersionMetadata): CommittedVersion {
  const version = head.version + 1;
  const shown = Object.freeze(eventMetadataOf(metadata));
  let seq = head.seq;
  let prev = head.head;
  const stored = events.map((event) => {
    seq += 1;
    const hash = hashEvent({ format: FORMAT_V2, seq, version, type: event.type, data: event.data, metadata: shown, prev } as Omit<StoredEvent, "hash">);
    const line = { format: FORMAT_V2, seq, version, type: event.type, data: event.data, metadata: shown, prev, hash } as StoredEvent;
    prev = hash;
    return line;
  });
  const unsigned = { format: FORMAT_V2, commit: version, events: stored.length, metadata, prev };
  const commit: CommitRecord = { ...unsigned, hash: hashCommit(unsigned) };
  return { version, events: stored, metadata, head: commit.hash, commit };
}

/** Why a store refuses a version: it was sealed against another head (CONFLICT) or is not well made (VERSION_INVALID). */
export interface SealProblem {
  readonly code: "CONFLICT" | "VERSION_INVALID";
  readonly message: string;
}

/**
 * Whether `version` can follow `head` as it is: its number, its first `prev` and its seqs follow
 * the head (else CONFLICT: it was decided against another head), and it is well made (else
 * VERSION_INVALID): one or more events, every hash recomputes, the chain runs through its events
 * to the commit record, which counts them. Costs time in proportion to the version, not the log.
 */
export function checkSealed(head: LogHead, version: CommittedVersion): SealProblem | undefined {
  const conflict = (message: string): SealProblem => ({ code: "CONFLICT", message });
  const invalid = (message: string): SealProblem => ({ code: "VERSION_INVALID", message });
  const commit = version.commit;
  if (!commit) return invalid("has no commit record; only sealed v2 versions can be appended");
  if (version.version !== head.version + 1 || commit.commit !== version.version)
    return conflict(`is version ${commit.commit}, but the log is at version ${head.version} (expected ${head.version + 1})`);
  const first = version.events[0];
  if (!first) return invalid(`version ${version.version} holds no events`);
  if (first.prev !== head.head) return conflict(`was decided after head ${first.prev}, but the log's head is ${head.head}`);
  let prev = head.head;
  let seq = head.seq;
  for (const event of version.events) {
    seq += 1;
    if (event.format !== FORMAT_V2) return invalid(`event ${event.seq} is not a ${FORMAT_V2} line`);
    if (event.seq !== seq) return event.seq === head.seq + 1 ? conflict(`starts at seq ${event.seq}`) : invalid(`event seq ${event.seq}, expected ${seq}`);
    if (event.version !== version.version) return invalid(`event ${event.seq} has version ${event.version}, expected ${version.version}`);
    if (event.prev !== prev) return invalid(`event ${event.seq}: prev ${event.prev} is not the hash before it (${prev})`);
    if (hashEvent(event) !== event.hash) return invalid(`event ${event.seq}: hash does not match its content`);
    prev = event.hash;
  }
  if (commit.events !== version.events.length) return invalid(`commit record counts ${commit.events} events, the version holds ${version.events.length}`);
  if (commit.prev !== prev) return invalid(`commit record's prev ${commit.prev} is not the last event's hash ${prev}`);
  if (hashCommit(commit) !== commit.hash) return invalid("commit record's hash does not match its content");
  if (version.head !== commit.hash) return invalid("version head is not its commit record's hash");
  return undefined;
}

/** The head after a version. */
export function headAfter(version: CommittedVersion): LogHead {
  const last = version.events[version.events.length - 1] as StoredEvent | undefined;
  return { version: version.version, seq: last?.seq ?? 0, head: version.head };
}
