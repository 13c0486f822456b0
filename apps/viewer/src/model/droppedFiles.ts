const LOG = /\.(ndjson|jsonl)$/i;
const OPENABLE = /\.(ndjson|jsonl|json|txt|csv)$/i;

/**
 * Several files chosen or dropped at once: the log (a `.ndjson`, else a file the viewer opens, a
 * table or a CSV) and the evidence files given with it, for the Evidence tab to check. One file
 * alone is opened whatever its name, as before. With a plan open, files none of which the viewer
 * opens are all evidence of that plan (`source` undefined).
 */
export function withEvidence(files: readonly File[], planOpen: boolean): { readonly source: File | undefined; readonly evidence: readonly File[] } {
  if (files.length <= 1) return { source: files[0], evidence: [] };
  const source = files.find((file) => LOG.test(file.name)) ?? files.find((file) => OPENABLE.test(file.name)) ?? (planOpen ? undefined : files[0]);
  return { source, evidence: files.filter((file) => file !== source) };
}
