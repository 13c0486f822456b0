import type { Finding } from "../types.js";

/** Findings in source order; those on one line keep the order they were found in. */
export function byLine(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => [finding, index] as const)
    .sort(([a, i], [b, j]) => a.line - b.line || i - j)
    .map(([finding]) => finding);
}
