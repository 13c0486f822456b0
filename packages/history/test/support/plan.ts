import type { RevisionKind, PlanCommand } from "@rapk/core";
import { type RevisionInput, type StoredEvent, appendRevision } from "../../src/index.js";
import { asV1 } from "./v1.js";

/** A small slice of the seed plan (Loka POM di Kabupaten Rejang Lebong, 2024), with its real ids and amounts. */
export const SEED_DRAFT: readonly PlanCommand[] = [
  { type: "draftPlan", data: { unit: "Loka POM di Kabupaten Rejang Lebong", agency: "Badan Pengawas Obat dan Makanan", year: 2024, ceiling: 4_801_300_000 } },
  { type: "defineObjective", data: { code: "01", number: 1, name: "Terwujudnya Obat dan Makanan yang memenuhi syarat di masing-masing wilayah kerja UPT" } },
  { type: "defineIndicator", data: { objective: "01", code: "01", name: "Persentase Obat yang memenuhi syarat", unit: "percent", direction: "higher", shape: "constant" } },
  { type: "setTargets", data: { indicator: "01.01", values: Array(12).fill(99.3) } },
  { type: "defineObjective", data: { code: "04", number: 4, name: "Meningkatnya efektivitas komunikasi, informasi dan edukasi Obat dan Makanan" } },
  { type: "defineIndicator", data: { objective: "04", code: "01", name: "Indeks kepuasan masyarakat atas layanan publik", unit: "index", direction: "higher", shape: "year-end" } },
  { type: "setTargets", data: { indicator: "04.01", values: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 91] } },
  {
    type: "registerBudgetLine",
    data: {
      output: { code: "DR.3165.QIA.005", name: "Sampel Obat, Obat Tradisional, Kosmetik dan Suplemen Kesehatan yang Diperiksa Sesuai Standar oleh UPT" },
      component: { code: "053", name: "Pengadaan sampel obat, obat bahan alam, kosmetika, suplemen kesehatan" },
      subComponent: { code: "A", name: "PENGADAAN SAMPEL" },
      pagu: 125_736_000,
    },
  },
  {
    type: "registerBudgetLine",
    data: {
      output: { code: "DR.3165.QIA.001", name: "Sampel Makanan yang Diperiksa oleh UPT" },
      component: { code: "055", name: "Pengadaan sampel makanan" },
      subComponent: { code: "A", name: "PENGADAAN SAMPEL" },
      pagu: 78_842_000,
    },
  },
  { type: "allocateContribution", data: { indicator: "01.01", line: "DR.3165.QIA.005.053.A", amount: 70_412_160 } },
  { type: "allocateContribution", data: { indicator: "04.01", line: "DR.3165.QIA.005.053.A", amount: 30_176_640 } },
  { type: "allocateContribution", data: { indicator: "04.01", line: "DR.3165.QIA.001.055.A", amount: 29_959_960 } },
  { type: "signPlan", data: { place: "Rejang Lebong", date: "2024-02-22", name: null, title: "Kepala Loka POM di Kabupaten Rejang Lebong" } },
];

export const LINE_A = "DR.3165.QIA.005.053.A";
export const LINE_B = "DR.3165.QIA.001.055.A";

export function meta(kind: RevisionKind, at: string, reason = `a ${kind} revision`): RevisionInput["meta"] {
  return { actor: "Tim Perencanaan", reason, reference: `ND ${kind}/2024`, kind, at };
}

/**
 * Appends or throws: for building fixtures, where a refusal is a broken test, not a result. Each
 * version is recorded when it takes effect (the clock is the revision's own date), so fixtures are
 * the same on every run. The fixtures are v1 logs (asV1), the format every log written before v2
 * has: the tests of parsing and verifying read them, and v2 logs have tests of their own (v2.test.ts).
 */
export function append(log: readonly StoredEvent[], revision: RevisionInput): StoredEvent[] {
  const result = appendRevision(log, revision, { now: () => revision.meta.at ?? "2024-12-31T23:00:00+07:00" });
  if (!result.ok) throw new Error(`fixture revision refused: ${result.error.code}: ${result.error.message}`);
  return asV1([...log, ...result.events]);
}

/** The seed slice as version 1 (signed 22 February 2024, 09:00 WIB). */
export function seedLog(): StoredEvent[] {
  return append([], { meta: meta("draft", "2024-02-22T09:00:00+07:00", "RAPK 2024 as published"), commands: SEED_DRAFT });
}

/**
 * The seed slice and four more versions: January's report (5 March), a Revisi POK moving
 * Rp5.000.000 from line A to line B (20 May), May's report (31 May, 16:00 WIB), a revised RAPK
 * raising 04.01's year-end target (1 July, 08:00 WIB).
 */
export function storyLog(): StoredEvent[] {
  let log = seedLog();
  log = append(log, {
    meta: meta("report", "2024-03-05T10:00:00+07:00", "January report"),
    commands: [
      { type: "reportRealisation", data: { indicator: "01.01", month: 1, value: 100, numerator: 12, denominator: 12 } },
      { type: "reportSpending", data: { line: LINE_A, month: 1, amount: 3_000_000 } },
    ],
  });
  log = append(log, {
    meta: meta("pok", "2024-05-20T10:00:00+07:00", "Revisi POK: more food samples"),
    commands: [
      { type: "reviseBudget", data: { line: LINE_A, pagu: 120_736_000 } },
      { type: "reviseBudget", data: { line: LINE_B, pagu: 83_842_000 } },
      { type: "allocateContribution", data: { indicator: "04.01", line: LINE_B, amount: 34_959_960 } },
    ],
  });
  log = append(log, {
    meta: meta("report", "2024-05-31T16:00:00+07:00", "May report"),
    commands: [
      { type: "reportRealisation", data: { indicator: "01.01", month: 5, value: 95.83, numerator: 23, denominator: 24 } },
      { type: "reportRealisation", data: { indicator: "04.01", month: 5, value: 0 } },
      { type: "reportSpending", data: { line: LINE_B, month: 5, amount: 10_000_000 } },
    ],
  });
  log = append(log, {
    meta: meta("rapk", "2024-07-01T08:00:00+07:00", "revised RAPK: higher satisfaction target"),
    commands: [{ type: "setTarget", data: { indicator: "04.01", month: 12, value: 92 } }],
  });
  return log;
}
