import { constants, promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";

/**
 * Flushes a folder's entries, so that a file created or renamed in it survives a power cut. Some
 * file systems cannot open or flush a folder: then the file itself, flushed, is all there is.
 */
export async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(folder, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // Nothing more can be done here; the caller's write or rename has still happened.
  } finally {
    await handle?.close();
  }
}
