import type { SourceFile } from "@rapk/core";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/**
 * What an import records about the file it read: its name without folders, its size in bytes and
 * the SHA-256 of those bytes, so anyone holding a copy of the file can tell it is the one. Given
 * text (a file already decoded), its UTF-8 bytes are measured: the file's own when it was UTF-8
 * without a byte-order mark.
 */
export function sourceFileOf(name: string, content: Uint8Array | string): SourceFile {
  const bytes = typeof content === "string" ? utf8ToBytes(content) : content;
  const base = name.split(/[\\/]/).pop() || name;
  return { name: base, size: bytes.length, sha256: bytesToHex(sha256(bytes)) };
}
