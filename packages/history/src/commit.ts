import { VersionMetadata as VersionMetadataSchema, type VersionMetadata, versionMetadataOf } from "@rapk/core";
import type { StoredEvent, StoredMetadata } from "./storedEvent.js";

/** The format tag of v2 lines (hashed over a canonical form); v1 lines (written before it) carry none. */
export const FORMAT_V2 = "rapk/2" as const;
/**
 * The format tag of v3 lines, what rapk writes now: the same fields as v2, hashed over the line's
 * own bytes (everything before its `,"hash":`), so what is written is what is chained and signed,
 * and a reader checks a line by comparing it with the one way rapk writes it (docs/log-format.md).
 */
export const FORMAT_V3 = "rapk/3" as const;
export type FormatTag = typeof FORMAT_V2 | typeof FORMAT_V3;

/** The fields of a version's metadata, in the order the log writes them: core's schema, stated once. */
export const METADATA_KEYS = Object.keys(VersionMetadataSchema.shape) as readonly (keyof VersionMetadata)[];

/** An Ed25519 signature of a commit's `hash` (hex of the UTF-8 bytes of the 64 hex digits), with the signer's public key (hex). */
export interface CommitSignature {
  readonly publicKey: string;
  readonly signature: string;
}

/**
 * The line that ends a version in a v2 or v3 log: the version's number, how many events it holds,
 * its metadata, its link in the chain (`prev`, the hash of its last event) and its own `hash`, the
 * version's head. Signatures are outside the hash (they sign it): a v2 record holds at most one
 * (`signature`), a v3 record a list (`signatures`, one per signer: co-signatures). Read both with
 * {@link signaturesOf}.
 */
export interface CommitRecord {
  readonly format: FormatTag;
  readonly commit: number;
  readonly events: number;
  readonly metadata: VersionMetadata;
  readonly prev: string;
  readonly hash: string;
  /** v2 only: its one signature. */
  readonly signature?: CommitSignature;
  /** v3 only: one signature per signer, in the order they signed (never empty when present). */
  readonly signatures?: readonly CommitSignature[];
}

/** Every signature of a commit record, whatever its format (none for an unsigned one). */
export function signaturesOf(commit: CommitRecord): readonly CommitSignature[] {
  return commit.signatures ?? (commit.signature ? [commit.signature] : []);
}

/**
 * One version as a store holds it: its events in order and what commits it. A version read from a
 * v1 log (written before commit records existed) has no `commit` line: its metadata is the one its
 * events carry and its head is the hash of its last event; it counts as committed.
 */
export interface CommittedVersion {
  readonly version: number;
  readonly events: readonly StoredEvent[];
  readonly metadata: VersionMetadata;
  /** The version's head: its commit record's hash (v2) or its last event's hash (v1). */
  readonly head: string;
  readonly commit?: CommitRecord;
}

/** Where a plan's log ends: the last committed version (0 when empty), the last seq and the head hash (64 zeros when empty). */
export interface LogHead {
  readonly version: number;
  readonly seq: number;
  readonly head: string;
}

/** The events as the rest of rapk reads them: every event of a version carries its metadata (core's VersionMetadata), both dates included. */
export function eventMetadataOf(metadata: VersionMetadata): StoredMetadata {
  return metadata as unknown as StoredMetadata;
}

/** A v1 version's metadata read as v2: recorded and effective at its `at` (core's versionMetadataOf). */
export function versionMetadataOfV1(metadata: StoredMetadata): VersionMetadata {
  return versionMetadataOf(metadata) as VersionMetadata;
}
