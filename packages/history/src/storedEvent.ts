import type { EventMetadata, PlanEvent, RevisionKind } from "@rapk/core";
import * as z from "zod";

/**
 * Who, when, why, on whose authority, and in which kind of batch; in a log the kind is always
 * there. An event of a v2 version carries its version's metadata whole (core's VersionMetadata,
 * as its commit record holds it); a v1 event carries its own `at`.
 */
export type StoredMetadata = EventMetadata & { readonly kind: RevisionKind };

/**
 * An event as the log keeps it: the fact, its metadata, its place (`seq`, 1-based and contiguous;
 * `version`, the number of the batch it was accepted in) and its link in the hash chain (`prev`,
 * the hash of the event before it; `hash`, its own). One NDJSON line per event.
 *
 * A v2 line (`format` "rapk/2") does not carry the metadata: its version's commit record does,
 * and the reader hands it to every event of the version (see docs/log-format.md). A v1 line has
 * no `format` and carries the metadata itself, inside its hash.
 */
export type StoredEvent = PlanEvent & {
  readonly format?: "rapk/2" | "rapk/3";
  readonly seq: number;
  readonly version: number;
  readonly metadata: StoredMetadata;
  readonly prev: string;
  readonly hash: string;
};

/** The key order of a v2 (and v3) event line. */
export const LINE_KEYS_V2 = ["format", "seq", "version", "type", "data", "prev", "hash"] as const;

/** The key order of a v2 commit record (`signature`, when there is one, comes last, outside the hash). */
export const COMMIT_KEYS = ["format", "commit", "events", "metadata", "prev", "hash", "signature"] as const;

/** The key order of a v3 commit record (`signatures`, when there are any, come last, outside the hash). */
export const COMMIT_KEYS_V3 = ["format", "commit", "events", "metadata", "prev", "hash", "signatures"] as const;

/** A sha256 written as 64 lowercase hex digits. */
export const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * Whether a value is a sha256 as 64 lowercase hex digits: {@link HEX_SHA256} as a loop over the
 * characters, which a reader runs twice a line (about twice as fast as the regular expression here).
 */
export function isSha256Hex(value: unknown): value is string {
  if (typeof value !== "string" || value.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = value.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** `prev` of the first event: there is nothing before it. */
export const GENESIS_HASH = "0".repeat(64);

const Hash = z.string({ error: "must be a string" }).regex(HEX_SHA256, { error: "must be 64 lowercase hex digits (a sha256)" });

/** The fields a log line adds around an event (the event itself is checked by core's parseEvent). */
export const Envelope = z.object({
  seq: z.number({ error: "must be a number" }).int({ error: "must be a whole number" }).min(1, { error: "must be 1 or more" }),
  version: z.number({ error: "must be a number" }).int({ error: "must be a whole number" }).min(1, { error: "must be 1 or more" }),
  prev: Hash,
  hash: Hash,
});
