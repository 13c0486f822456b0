import type { FileHandle } from "node:fs/promises";
import { EMPTY_HEAD, FORMAT_V2, FORMAT_V3, HEX_SHA256, type LogHead } from "@rapk/history";
import { StoreError } from "../eventStore.js";

/**
 * Where a log file's committed part ends, found from its end: the last commit record (or, in a v1
 * log, the last event) gives the head; whatever follows it is an uncommitted tail (event lines of
 * a version whose commit record was never written, a last line cut short). Reads backwards only as
 * far as the last committed line and the line before it, so its cost is the tail's, not the log's.
 */
export interface CommittedEnd {
  readonly head: LogHead;
  /** Bytes from the start of the file to the end of the last committed line. */
  readonly committedBytes: number;
  /** The file's size when read. */
  readonly size: number;
  /** Event lines in the uncommitted tail (not counting a torn line). */
  readonly tailEvents: number;
  /** Whether the tail ends with a line cut short. */
  readonly torn: boolean;
}

const CHUNK = 64 * 1024;

type Parsed = { kind: "commit"; commit: number; hash: string; prev: string } | { kind: "v1"; seq: number; version: number; hash: string } | { kind: "v2"; seq: number; version: number; hash: string };

export async function committedEnd(handle: FileHandle, file: string, plan: string): Promise<CommittedEnd> {
  const size = (await handle.stat()).size;
  if (size === 0) return { head: EMPTY_HEAD, committedBytes: 0, size, tailEvents: 0, torn: false };
  let buffer = Buffer.alloc(0);
  let start = size;
  let tailEvents = 0;
  // `end` is where the part still to look at ends: lines are taken from the end of the buffer.
  let end = size;
  let torn = false;
  let commit: { commit: number; hash: string; end: number } | undefined;
  const bad = (why: string) => new StoreError("LOG_INVALID", `${file}: ${why}; run \`rapk verify\` on it`, plan);
  for (;;) {
    // The line's own line break (its last byte) is not where it starts: search before it. A negative
    // offset would count from the buffer's end, so an empty search is -1 here.
    const from = end - start - 2;
    const newline = from >= 0 ? buffer.lastIndexOf(0x0a, from) : -1;
    const lineStart = newline >= 0 ? start + newline + 1 : start === 0 ? 0 : -1;
    if (lineStart < 0) {
      // The line reaches before what has been read: read another chunk backwards.
      const at = Math.max(0, start - CHUNK);
      const more = Buffer.alloc(start - at);
      await handle.read(more, 0, more.length, at);
      buffer = Buffer.concat([more, buffer]);
      start = at;
      continue;
    }
    const complete = end === size ? buffer[end - start - 1] === 0x0a : true;
    const text = buffer.toString("utf8", lineStart - start, end - start).replace(/\r?\n$/, "");
    const parsed = parseLine(text);
    if (commit) {
      // The line before the commit record: the version's last event, for its seq.
      if (!parsed || parsed.kind !== "v2" || parsed.version !== commit.commit) throw bad(`the line before the commit record of version ${commit.commit} is not one of its events`);
      return { head: { version: commit.commit, seq: parsed.seq, head: commit.hash }, committedBytes: commit.end, size, tailEvents, torn };
    }
    // A last line without its line break that is a whole line is read as one (verify reads it so);
    // the append puts the break before the new version. Only a line that does not parse is torn.
    if (!complete && !parsed) {
      torn = true;
    } else if (parsed?.kind === "commit") {
      commit = { commit: parsed.commit, hash: parsed.hash, end };
    } else if (parsed?.kind === "v1") {
      return { head: { version: parsed.version, seq: parsed.seq, head: parsed.hash }, committedBytes: end, size, tailEvents, torn };
    } else if (parsed?.kind === "v2") {
      tailEvents += 1;
    } else {
      throw bad(`the line ending at byte ${end} is not a log line`);
    }
    if (lineStart === 0) {
      if (commit) throw bad(`the commit record of version ${commit.commit} has no events before it`);
      // Nothing committed at all: the whole file is a tail.
      return { head: EMPTY_HEAD, committedBytes: 0, size, tailEvents, torn };
    }
    end = lineStart;
  }
}

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 1;
const isHash = (value: unknown): value is string => typeof value === "string" && HEX_SHA256.test(value);

function parseLine(text: string): Parsed | undefined {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof raw !== "object" || raw === null) return undefined;
  // v2 and v3 lines have the same fields: only their hashing differs, which the tail does not check.
  const tagged = raw.format === FORMAT_V2 || raw.format === FORMAT_V3;
  if (tagged && "commit" in raw) return isCount(raw.commit) && isHash(raw.hash) && isHash(raw.prev) ? { kind: "commit", commit: raw.commit, hash: raw.hash, prev: raw.prev } : undefined;
  if (!(isCount(raw.seq) && isCount(raw.version) && isHash(raw.hash))) return undefined;
  if (tagged) return { kind: "v2", seq: raw.seq, version: raw.version, hash: raw.hash };
  return raw.format === undefined ? { kind: "v1", seq: raw.seq, version: raw.version, hash: raw.hash } : undefined;
}
