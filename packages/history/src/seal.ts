import { PlanEvent, type VersionMetadata, VersionMetadata as VersionMetadataSchema } from "@rapk/core";
import { type CommitRecord, type CommittedVersion, FORMAT_V2, FORMAT_V3, type FormatTag, type LogHead, eventMetadataOf } from "./commit.js";
import { hashCommit, hashEvent } from "./hash.js";
import { GENESIS_HASH, type StoredEvent } from "./storedEvent.js";

/** The head of an empty log: version 0, no events, the genesis hash. */
export const EMPTY_HEAD: LogHead = Object.freeze({ version: 0, seq: 0, head: GENESIS_HASH });

/**
 * Stamps one version's events for the log after `head`: each as a v3 line (seq, the next version
 * number, prev, hash), then the commit record holding the metadata and the version's head. Pure:
 * what a store appends (and checks with {@link checkSealed}) and what a signature signs. A log
 * written as v1 or v2 goes on in v3 lines: its older lines keep their own hashing. `format` rapk/2
 * seals a v2 version instead, for a log that must stay v2 (a reader of its own that knows no v3).
 */
export function sealVersion(head: LogHead, events: readonly PlanEvent[], given: VersionMetadata, format: FormatTag = FORMAT_V3): CommittedVersion {
  const version = head.version + 1;
  // A v3 hash covers the bytes as written: data and metadata go out in their schemas' key order,
  // the one order a reader compares the line with (what does not parse is left for it to refuse).
  const metadata = inSchemaOrder(VersionMetadataSchema, given);
  const shown = Object.freeze(eventMetadataOf(metadata));
  let seq = head.seq;
  let prev = head.head;
  const stored = events.map((given) => {
    const event = inSchemaOrder(PlanEvent, given);
    seq += 1;
    const hash = hashEvent({ format, seq, version, type: event.type, data: event.data, metadata: shown, prev } as Omit<StoredEvent, "hash">);
    const line = { format, seq, version, type: event.type, data: event.data, metadata: shown, prev, hash } as StoredEvent;
    prev = hash;
    return line;
  });
  const unsigned = { format, commit: version, events: stored.length, metadata, prev };
  const commit: CommitRecord = { ...unsigned, hash: hashCommit(unsigned) };
  return { version, events: stored, metadata, head: commit.hash, commit };
}

function inSchemaOrder<T>(schema: { safeParse(value: unknown): { success: boolean; data?: unknown } }, value: T): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? (parsed.data as T) : value;
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
  if (!commit) return invalid("has no commit record; only sealed v2 or v3 versions can be appended");
  if (commit.format !== FORMAT_V2 && commit.format !== FORMAT_V3) return invalid(`commit record's format ${JSON.stringify(commit.format)} is not rapk/2 or rapk/3`);
  if (version.version !== head.version + 1 || commit.commit !== version.version)
    return conflict(`is version ${commit.commit}, but the log is at version ${head.version} (expected ${head.version + 1})`);
  const first = version.events[0];
  if (!first) return invalid(`version ${version.version} holds no events`);
  if (first.prev !== head.head) return conflict(`was decided after head ${first.prev}, but the log's head is ${head.head}`);
  let prev = head.head;
  let seq = head.seq;
  for (const event of version.events) {
    seq += 1;
    if (event.format !== commit.format) return invalid(`event ${event.seq} is not a ${commit.format} line, as its commit record is`);
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
