import type { Version } from "@rapk/history";
import type { Loaded } from "./source.js";

/**
 * What a log's import recorded (the source file, the importer, the findings), read from its
 * versions: a log opened anywhere still says what was missing.
 */
export function importRecord(versions: readonly Version[]): Pick<Loaded, "findings" | "imported"> {
  const findings = versions.flatMap((v) => v.findings ?? []);
  const first = versions.find((v) => v.source !== undefined);
  return first?.source ? { findings, imported: { source: first.source, importer: first.importer ?? "" } } : { findings };
}
