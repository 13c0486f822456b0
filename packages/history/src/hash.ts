import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { canonicalJson } from "./canonicalJson.js";
import { type CommitRecord, FORMAT_V3 } from "./commit.js";
import type { StoredEvent } from "./storedEvent.js";

/** A sha256 of a text's UTF-8 bytes, as 64 lowercase hex digits. */
export type Sha256Hex = (text: string) => string;

/** The portable sha256 (@noble/hashes, plain JavaScript): what a browser and any other platform use. */
export const portableSha256Hex: Sha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));

let implementation: Sha256Hex = portableSha256Hex;

/**
 * The sha256 of a text's UTF-8 bytes, as 64 lowercase hex digits: every hash of the log is taken
 * here. It is @noble/hashes unless the program has given a faster one of the platform with
 * {@link useSha256} (the CLI gives node:crypto's, which this package cannot import and stay
 * browser-safe). Measured per line of a log (docs/performance.md): node:crypto about 2.7x faster
 * than @noble/hashes; the browser's `crypto.subtle` is asynchronous, several times slower per
 * call than either, so the synchronous readers do not use it.
 */
export function sha256Hex(text: string): string {
  return implementation(text);
}

/**
 * Makes {@link sha256Hex} use `hex`, a sha256 of the platform that gives the same digits (a test
 * of the program that injects it checks that), and returns the one it replaces. Set once, at the
 * program's start: a process takes every hash the same way.
 */
export function useSha256(hex: Sha256Hex): Sha256Hex {
  const before = implementation;
  implementation = hex;
  return before;
}

/**
 * What is hashed: every field of the line but the hash itself, in canonical form. A v2 line
 * (`format` rapk/2) holds no metadata (its commit record does); a v1 line holds it.
 */
export function hashInput(event: Omit<StoredEvent, "hash">, metadataJson?: string): string {
  // The envelope's keys in canonical (sorted) order, written here; only data and metadata go
  // through canonicalJson: the sort and walk of the top level were a third of the hashing.
  const { format, seq, version, type, data, metadata, prev } = event;
  const head = `{"data":${canonicalJson(data)},`;
  const tail = `"prev":${canonicalJson(prev)},"seq":${canonicalJson(seq)},"type":${canonicalJson(type)},"version":${canonicalJson(version)}}`;
  return format === undefined ? `${head}"metadata":${metadataJson ?? canonicalJson(metadata)},${tail}` : `${head}"format":${canonicalJson(format)},${tail}`;
}

/**
 * An event's link in the chain. v3: `sha256hex(the line's bytes before ,"hash":)`, the line as
 * rapk writes it ({@link hashedPrefixOfEvent}); v1 and v2: `sha256hex(canonicalJson(line without
 * hash))`. A reader that knows the canonical JSON of a v1 event's metadata (the same for every
 * event of a batch) may give it as `metadataJson`, so it is written once per batch.
 */
export function hashEvent(event: Omit<StoredEvent, "hash">, metadataJson?: string): string {
  return sha256Hex(event.format === FORMAT_V3 ? hashedPrefixOfEvent(event) : hashInput(event, metadataJson));
}

/**
 * The version's head. v3: `sha256hex(the record's bytes before ,"hash":)`; v2:
 * `sha256hex(canonicalJson(commit record without hash and signature))`.
 */
export function hashCommit(commit: Omit<CommitRecord, "hash" | "signature" | "signatures">): string {
  const { format, commit: version, events, metadata, prev } = commit;
  return sha256Hex(format === FORMAT_V3 ? hashedPrefixOfCommit(commit) : canonicalJson({ format, commit: version, events, metadata, prev }));
}

/**
 * What a v3 event line's hash covers: the line as rapk writes it (its keys in the order of
 * docs/log-format.md, data in its schema's order, JSON.stringify's spelling) up to, not including,
 * `,"hash":`. One native JSON.stringify: no canonical re-serialisation.
 */
export function hashedPrefixOfEvent(event: Omit<StoredEvent, "hash" | "metadata">): string {
  const { format, seq, version, type, data, prev } = event;
  const text = JSON.stringify({ format, seq, version, type, data, prev });
  return text.slice(0, -1);
}

/** What a v3 commit record's hash covers: the record as rapk writes it, up to `,"hash":`. */
export function hashedPrefixOfCommit(commit: Omit<CommitRecord, "hash" | "signature" | "signatures">): string {
  const { format, commit: version, events, metadata, prev } = commit;
  return JSON.stringify({ format, commit: version, events, metadata, prev }).slice(0, -1);
}

/** The part of a written v3 line its hash covers: everything before its last `,"hash":` (undefined when there is none). */
export function hashedPrefixOfLine(line: string): string | undefined {
  const at = line.lastIndexOf(',"hash":"');
  return at < 0 ? undefined : line.slice(0, at);
}
