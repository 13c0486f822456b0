import { randomBytes } from "node:crypto";
import { constants, promises as fs } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { syncFolder } from "@rapk/store/file";
import { CliError } from "./cliError.js";
import type { Io } from "./io.js";

/** The absolute path of an argument, resolved against the run's working folder. */
export function pathOf(io: Io, file: string): string {
  return resolve(io.cwd, file);
}

/** What an operating-system error means for the person who named the file. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "is a folder, not a file";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EEXIST":
      return "already exists";
    case "ENOSPC":
      return "no space left on the device";
    case "EROFS":
      return "the file system is read-only";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a text file the user named. A missing file, a folder, binary content or bytes that are not
 * UTF-8 become one clear error naming the file; a leading byte-order mark is dropped.
 */
export async function readText(io: Io, file: string): Promise<string> {
  return (await readTextAndBytes(io, file)).text;
}

/** readText, with the bytes as they are on disk (an import records their size and SHA-256). */
export async function readTextAndBytes(io: Io, file: string): Promise<{ text: string; bytes: Uint8Array }> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(pathOf(io, file));
  } catch (error) {
    throw new CliError(describeFsError(error), { file, code: "FILE_UNREADABLE" });
  }
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
    throw new CliError(`cannot be written: ${describeFsError(error)}`, { file, code: "FILE_UNWRITABLE" });
  }
}
