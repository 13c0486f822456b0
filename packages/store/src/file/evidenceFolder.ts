import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { syncFolder } from "./syncFolder.js";

/**
 * The folder a log file's evidence is kept in: `plan.ndjson` keeps `plan.evidence/<sha256>`,
 * beside it, so that copying the log and its folder together moves the record whole.
 */
export function evidenceFolderOf(logFile: string): string {
  return `${logFile.replace(/\.ndjson$/, "")}.evidence`;
}

/**
 * Writes a file under its digest: to a temporary name in the folder, flushed, then renamed, so a
 * crash leaves the whole file or none (a reader never meets half of one). A file already there is
 * the same bytes (its name is their digest), so it is left as it is.
 */
export async function writeEvidenceFile(folder: string, sha256: string, bytes: Uint8Array): Promise<void> {
  const target = join(folder, sha256);
  if (await fs.stat(target).then(() => true, () => false)) return;
  await fs.mkdir(folder, { recursive: true });
  const temporary = join(folder, `.${sha256}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await fs.open(temporary, "wx", 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
    await syncFolder(folder);
  } catch (error) {
    // Nothing half-written is left behind; the caller reports the system's refusal.
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** The bytes kept under a digest, or undefined when the folder holds none. */
export async function readEvidenceFile(folder: string, sha256: string): Promise<Uint8Array | undefined> {
  return fs.readFile(join(folder, sha256)).then(
    (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    },
  );
}
