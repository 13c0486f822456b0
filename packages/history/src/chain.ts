import { canonicalJson } from "./canonicalJson.js";
import { type CommitRecord, FORMAT_V3 } from "./commit.js";
import { hashCommit, hashEvent, hashedPrefixOfLine, sha256Hex } from "./hash.js";
import type { LogError } from "./logError.js";
import { GENESIS_HASH, type StoredEvent } from "./storedEvent.js";

/**
 * The hash chain, line by line: each line's `prev` is the hash of the line before (CHAIN_BROKEN)
 * and its `hash` is what its content hashes to (HASH_MISMATCH): a v3 line's bytes (`text`, which
 * the reader found written the one way rapk writes it), a v1 or v2 line's canonical form.
 */
export class ChainCheck {
  private prev = GENESIS_HASH;
  // A v1 batch writes the same metadata on every line: its canonical JSON is written once.
  private metadataJson: string | undefined;

  event(event: StoredEvent, text: string, repeatsMetadata: boolean, line: number): LogError | undefined {
    if (event.prev !== this.prev)
      return { line, code: "CHAIN_BROKEN", message: `prev is ${event.prev} but the line before has hash ${this.prev}${line === 1 ? " (the first line's prev is 64 zeros)" : ""}` };
    if (event.format === undefined && !repeatsMetadata) this.metadataJson = canonicalJson(event.metadata);
    // A v3 line's hash covers its bytes before `,"hash":"<64 digits>"}`, the line's last 75 characters.
    const hash = event.format === FORMAT_V3 ? sha256Hex(text.slice(0, text.length - 75)) : hashEvent(event, this.metadataJson);
    if (event.hash !== hash) return { line, code: "HASH_MISMATCH", message: `hash is ${event.hash} but the line's content hashes to ${hash}: the line was changed after it was written` };
    this.prev = event.hash;
    return undefined;
  }

  commit(commit: CommitRecord, text: string, line: number): LogError | undefined {
    if (commit.prev !== this.prev) return { line, code: "CHAIN_BROKEN", message: `commit record's prev is ${commit.prev} but the line before has hash ${this.prev}` };
    const hash = commit.format === FORMAT_V3 ? sha256Hex(hashedPrefixOfLine(text) as string) : hashCommit(commit);
    if (commit.hash !== hash)
      return { line, code: "HASH_MISMATCH", message: `hash is ${commit.hash} but the commit record's content hashes to ${hash}: the line was changed after it was written` };
    this.prev = commit.hash;
    return undefined;
  }
}
