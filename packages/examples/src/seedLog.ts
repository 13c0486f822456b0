import { type Finding, IMPORTER, importPlan } from "@rapk/import";
import { type StoredEvent, appendRevision, sourceFileOf } from "@rapk/history";

/** The seed's file name, as version 1 of the shipped log records it (packages/examples/sources/). */
export const SEED_SOURCE_NAME = "rapk-2024-loka-pom-rejang-lebong.txt";

/** When the published plan was signed (Rejang Lebong, 22 February 2024), in WIB. */
export const SEED_SIGNED_AT = "2024-02-22T09:00:00+07:00";

export interface SeedLog {
  readonly events: StoredEvent[];
  readonly findings: Finding[];
}

/**
 * The published RAPK 2024 of Loka POM di Kabupaten Rejang Lebong as an event log: the seed text
 * imported as one draft version that records the file it was read from, the importer and every
 * finding. Deterministic, so the shipped file can be checked against it.
 */
export function seedLog(seedText: string): SeedLog {
  const imported = importPlan(seedText, { format: "table" });
  if (!imported.ok) throw new Error(`the seed does not import: ${imported.error.message}`);
  const appended = appendRevision([], {
    meta: {
      actor: "rapk import",
      reason: "RAPK 2024 of Loka POM di Kabupaten Rejang Lebong as published (text extracted from the signed PDF)",
      reference: "Rencana Aksi Perjanjian Kinerja Tahun 2024, Loka POM di Kabupaten Rejang Lebong, 22 February 2024",
      kind: "draft",
      effectiveAt: SEED_SIGNED_AT,
    },
    commands: imported.commands,
  }, {
    now: () => SEED_SIGNED_AT,
    // The file is UTF-8 without a byte-order mark, so its text encodes back to its bytes.
    imported: { source: sourceFileOf(SEED_SOURCE_NAME, seedText), importer: IMPORTER, findings: imported.findings },
  });
  if (!appended.ok) throw new Error(`the seed's commands are refused: ${appended.error.message}`);
  return { events: appended.events, findings: imported.findings };
}
