/**
 * The largest file the viewer opens. A year of a unit's history is well under a megabyte; a
 * file this large is almost certainly not a plan, and reading it would only freeze the tab.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** A byte count the way people read it: 512 B, 12.3 kB, 50.0 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
