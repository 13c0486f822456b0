/**
 * The largest file the viewer opens. A year of a unit's history is well under a megabyte; the
 * agency-sized year of 100,000 events is 28.6 MB, which the page holds in about 20 MiB and opens
 * in 3-5 s on a loaded 2-core machine (docs/viewer.md). At this limit an open takes about twice
 * that; beyond it time, more than memory, makes the viewer the wrong tool (the CLI reads any size).
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** A byte count the way people read it: 512 B, 12.3 kB, 50.0 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
