import { randomBytes } from "node:crypto";
import { constants, promises as fs } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { syncFolder } from "@rapk/store/file";
import type { ErrorCode } from "@rapk/core";
import { CliError, exitOf, isCliError } from "./cliError.js";
import type { Io } from "./io.js";

/** The absolute path of an argument, resolved against the run's working folder. */
export function pathOf(io: Io, file: string): string {
  return resolve(io.cwd, file);
}

/** What an operating-system error means for the person who named the file, and its code in the message table. */
const SYSTEM_ERRORS: Readonly<Record<string, { why: string; code: ErrorCode }>> = {
  ENOENT: { why: "no such file", code: "NO_SUCH_FILE" },
  EISDIR: { why: "is a folder, not a file", code: "IS_A_FOLDER" },
  ENOTDIR: { why: "a part of the path is not a folder", code: "NO_SUCH_FILE" },
  ELOOP: { why: "is a symbolic link that loops", code: "SYMLINK_LOOP" },
  EACCES: { why: "permission denied", code: "PERMISSION_DENIED" },
  EPERM: { why: "permission denied", code: "PERMISSION_DENIED" },
  EROFS: { why: "the file system is read-only", code: "READ_ONLY" },
  ENOSPC: { why: "no space left on the device", code: "DISK_FULL" },
  EDQUOT: { why: "the disk quota is used up", code: "DISK_FULL" },
  ENAMETOOLONG: { why: "the name is too long for the file system", code: "NO_SUCH_FILE" },
};

/** What an operating-system error means for the person who named the file. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EEXIST") return "already exists";
  const known = code === undefined ? undefined : SYSTEM_ERRORS[code];
  return known ? known.why : (error instanceof Error ? error.message : String(error)).slice(0, 200);
}

/**
 * An operating-system error on a file the user named, in plain words with its own code and exit
 * code (1 for a file that is not there or not a file, 5 for what the system refused: permission,
 * a read-only file system, a full disk), never an internal error.
 */
export function fsFailure(error: unknown, file: string, doing: "read" | "write"): CliError {
  const known = SYSTEM_ERRORS[(error as NodeJS.ErrnoException | undefined)?.code ?? ""];
  const why = doing === "write" ? `cannot be written: ${describeFsError(error)}` : describeFsError(error);
  const code: ErrorCode = known?.code ?? (doing === "write" ? "FILE_UNWRITABLE" : "FILE_UNREADABLE");
  return new CliError(why, { file, code }, exitOf(code));
}

/** An operating-system error that reached the top of a run (errno set), as one in plain words; undefined for anything else. */
export function systemFailure(error: unknown): CliError | undefined {
  const failure = error as NodeJS.ErrnoException | undefined;
  if (typeof failure?.code !== "string" || !(failure.code in SYSTEM_ERRORS)) return undefined;
  return fsFailure(error, failure.path ?? "a file", failure.syscall === "open" || failure.syscall === "read" || failure.syscall === "stat" ? "read" : "write");
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The largest file read whole: 500 MiB, under the longest string JavaScript holds (2^29 - 24
 * characters), so a larger file is refused by name before it is read instead of failing inside
 * the read. A year of an agency's plans is a few MiB; a national log of 1,000,000 events (the
 * benchmark's, docs/performance.md) is about 280 MiB and must still be read.
 */
export const MAX_TEXT_BYTES = 500 * 1024 * 1024;

export interface ReadOptions {
  /** Refuse a larger file before reading it (default {@link MAX_TEXT_BYTES}). */
  readonly maxBytes?: number;
  /** What the file is, for the refusal: `a log`, `a revision file`. */
  readonly what?: string;
}

/**
 * Reads a text file the user named. A missing file, a folder, binary content or bytes that are not
 * UTF-8 become one clear error naming the file; a leading byte-order mark is dropped.
 */
export async function readText(io: Io, file: string, options: ReadOptions = {}): Promise<string> {
  return (await readTextAndBytes(io, file, options)).text;
}

/**
 * readText, with the bytes as they are on disk (an import records their size and SHA-256), read
 * as {@link readBytes} reads them.
 */
export async function readTextAndBytes(io: Io, file: string, options: ReadOptions = {}): Promise<{ text: string; bytes: Uint8Array }> {
  const bytes = Buffer.from(await readBytes(io, file, options));
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new CliError(`is not a text file (binary data: a NUL byte at offset ${nul})`, { file, line: lineAtOffset(bytes, nul), code: "FILE_UNREADABLE" });
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new CliError("is not UTF-8 text", { file, code: "FILE_UNREADABLE" });
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, bytes };
}

/**
 * Reads a file the user named as bytes (an evidence file, a file to import). Only a regular file
 * is read (a device such as /dev/zero, a pipe or a socket is refused before reading, opened
 * without waiting for a writer), and only up to a size, checked on the open file.
 */
export async function readBytes(io: Io, file: string, options: ReadOptions = {}): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? MAX_TEXT_BYTES;
  let bytes: Buffer;
  try {
    const handle = await fs.open(pathOf(io, file), constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stat = await handle.stat();
      if (stat.isDirectory()) throw new CliError("is a folder, not a file", { file, code: "IS_A_FOLDER" });
      if (!stat.isFile()) throw new CliError("is not a regular file (a device, a pipe or a socket); rapk reads regular files only", { file, code: "NOT_A_FILE" });
      if (stat.size > maxBytes) throw new CliError(`is ${stat.size} bytes; ${options.what ?? "a file rapk reads"} may be at most ${maxBytes} bytes`, { file, code: "INPUT_TOO_LARGE" });
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (isCliError(error)) throw error;
    throw fsFailure(error, file, "read");
  }
  // A file that grew while it was read is held to the same limit.
  if (bytes.length > maxBytes) throw new CliError(`is over ${maxBytes} bytes; ${options.what ?? "a file rapk reads"} may be at most ${maxBytes} bytes`, { file, code: "INPUT_TOO_LARGE" });
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function lineAtOffset(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export interface WriteOptions {
  /** Replace an existing file; when false an existing file is an error and is left alone. */
  readonly overwrite: boolean;
}

/**
 * Writes a whole file so that a reader, or a crash, only ever sees the old content or the new one:
 * the text goes to a temporary file in the same folder, is flushed to disk, then takes the
 * target's name in one rename (or one hard link when nothing may be overwritten, which fails
 * atomically if the target appeared meanwhile). The folder is flushed too so the rename survives
 * a power cut.
 */
export async function writeFileAtomic(target: string, text: string | Uint8Array, options: WriteOptions): Promise<void> {
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  const mode = await existingMode(target);
  const handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode ?? 0o644);
  let placed = false;
  try {
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite) {
      await fs.rename(temp, target);
      placed = true;
    } else {
      await fs.link(temp, target);
    }
    await syncFolder(folder);
  } finally {
    if (!placed) await fs.rm(temp, { force: true });
  }
}

async function existingMode(file: string): Promise<number | undefined> {
  try {
    return (await fs.stat(file)).mode & 0o777;
  } catch {
    return undefined;
  }
}

/** Writes a file the user asked for, turning an operating-system failure into an error naming it. */
export async function writeUserFile(io: Io, file: string, text: string | Uint8Array, options: WriteOptions): Promise<void> {
  try {
    await writeFileAtomic(pathOf(io, file), text, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new CliError("already exists; pass --force to replace it", { file, code: "FILE_EXISTS" });
    if (isCliError(error)) throw error;
    throw fsFailure(error, file, "write");
  }
}
