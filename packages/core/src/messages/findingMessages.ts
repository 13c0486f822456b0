import type { Finding, Message } from "../metadata.js";
import { formatRupiah } from "../money/formatRupiah.js";
import { monthName } from "../period/monthName.js";
import { type SourcePlace, placed } from "./place.js";

/** The name columns of the published table, named as the document names them (the same words in both languages). */
export type NameColumn = "objective" | "indicator" | "output" | "component" | "subComponent";

const COLUMN: Record<NameColumn, Message> = {
  objective: { id: "nama sasaran kegiatan", en: "objective name" },
  indicator: { id: "nama indikator", en: "indicator name" },
  output: { id: "nama RO", en: "RO name" },
  component: { id: "nama komponen", en: "komponen name" },
  subComponent: { id: "nama sub komponen", en: "sub komponen name" },
};

const quote = (text: string) => `"${text}"`;
const list = (items: readonly string[], and: string) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;

/**
 * Why text at the top of a page cannot continue the row before it, so the row it ends must start on
 * a missing page: no row comes before it; its cell is under no name column; the row before has no
 * such name (an indicator row under the RO column); the next budget row's number skips; or the
 * name it would lengthen is written whole on another line.
 */
export type OrphanReason =
  | { readonly kind: "first" }
  | { readonly kind: "notName"; readonly column: number }
  | { readonly kind: "wrongRow"; readonly column: NameColumn; readonly previous: number; readonly row: "objective" | "indicator" | "budget" }
  | { readonly kind: "numbering"; readonly next: number; readonly number: number; readonly expected: number; readonly previous: number }
  | { readonly kind: "wholeElsewhere"; readonly column: NameColumn; readonly witness: number; readonly name: string; readonly previous: number };

const ROW: Record<"objective" | "indicator" | "budget", Message> = {
  objective: { id: "baris sasaran kegiatan", en: "an objective row" },
  indicator: { id: "baris indikator", en: "an indicator row" },
  budget: { id: "baris anggaran", en: "a budget row" },
};

function orphanReason(why: OrphanReason): Message {
  switch (why.kind) {
    case "first":
      return { id: "tidak ada baris rencana sebelumnya", en: "no row of the plan comes before it" };
    case "notName":
      return { id: `selnya di kolom ${why.column} bukan kolom nama`, en: `its cell in column ${why.column} is not under a name column` };
    case "wrongRow":
      return {
        id: `teksnya berada di kolom ${COLUMN[why.column].id}, tetapi baris terakhir sebelum pergantian halaman (baris ${why.previous}) adalah ${ROW[why.row].id}`,
        en: `it sits under the ${COLUMN[why.column].en} column, but the last row before the page break (line ${why.previous}) is ${ROW[why.row].en}`,
      };
    case "numbering":
      return {
        id: `baris anggaran berikutnya (baris ${why.next}) bernomor ${why.number}. padahal setelah baris ${why.previous} seharusnya ${why.expected}.`,
        en: `the next budget row (line ${why.next}) is numbered ${why.number}. where ${why.expected}. would follow line ${why.previous}`,
      };
    case "wholeElsewhere":
      return {
        id: `baris ${why.witness} menulis ${COLUMN[why.column].id} yang sama secara utuh sebagai ${quote(why.name)}, jadi sel di baris ${why.previous} tidak terpotong`,
        en: `line ${why.witness} writes the same ${COLUMN[why.column].en} whole as ${quote(why.name)}, so line ${why.previous}'s cell was not cut`,
      };
  }
}

/**
 * What each finding of the importer knows besides its place: the facts its message is made of.
 * One entry per finding code; the message table below is typed over these keys, so a code
 * without its messages does not compile.
 */
export interface FindingDetails {
  /** A CSV header names a column the template does not have. */
  UNKNOWN_COLUMN: { readonly column: string };
  /** A `#key` row of the CSV template that the template does not know. */
  UNKNOWN_KEY: { readonly key: string; readonly known: readonly string[] };
  /** Text at the top of a page continues a row whose start is on a missing page. */
  ORPHAN_FRAGMENT: { readonly text: readonly string[]; readonly why: OrphanReason };
  /** Text at the top of a page continues the last row of the page before; the names were joined. */
  CELL_JOINED: {
    readonly continues: number;
    readonly names: readonly { readonly column: NameColumn; readonly name: string }[];
    /** The cell wrapped onto a line of its own inside a page, rather than across a page break. */
    readonly wrapped?: boolean;
  };
  /** A name is cut at a page end and its continuation is on a missing page; the whole name is taken from another row. */
  CELL_CUT: { readonly column: NameColumn; readonly code: string; readonly written: string; readonly kept: string; readonly from: number };
  /** Two rows write different names for the same code; the first whole one is kept. */
  NAME_CONFLICT: { readonly column: NameColumn; readonly code: string; readonly written: string; readonly kept: string; readonly from: number };
  /** A line that is neither part of the title, the table nor the signature. */
  UNRECOGNISED_ROW: { readonly where: "title" | "table" | "signature"; readonly text: string };
  /** Nothing follows the Total: no place, date or signatory. */
  SIGNATURE_MISSING: Record<string, never>;
  /** The place and date of signing, or the signatory's title, cannot be read. */
  SIGNATURE_UNREADABLE: { readonly found?: string };
  /** The signatory's name is not in the source. */
  SIGNATORY_MISSING: Record<string, never>;
  /** An indicator's ANGGARAN differs from the sum of its budget rows. */
  BUDGET_MISMATCH: { readonly indicator: string; readonly stated: number; readonly rows: number };
  /** Objective numbers jump: the objectives in between are on missing pages. */
  MISSING_OBJECTIVES: { readonly number: number; readonly missing: readonly number[] };
  /** An objective is numbered lower than the one before it. */
  OBJECTIVE_NUMBER_OUT_OF_ORDER: { readonly objective: string; readonly number: number; readonly after: number };
  /** The contributions written for a budget line exceed its pagu. */
  CONTRIBUTIONS_EXCEED_PAGU: { readonly line: string; readonly total: number; readonly pagu: number };
  /** The budget lines add up to less than the document's Total. */
  LINES_BELOW_CEILING: { readonly itemised: number; readonly ceiling: number };
  /** A blank target cell, kept blank (not 0). */
  BLANK_TARGET: { readonly indicator: string; readonly month: number };
  /**
   * A target written with one group of three after a mark (`1.080`), which reads as 1080 or 1.08:
   * read as a whole number for a count, else by the mark the document's amounts group thousands with.
   */
  TARGET_READ_AS: {
    readonly indicator: string;
    readonly month: number;
    readonly text: string;
    readonly value: number;
    readonly by: "count" | "thousands" | "decimal";
    /** For a reading by the document's style: the amount that shows it, and its line. */
    readonly example?: { readonly text: string; readonly line: number };
  };
  /** An indicator after a missing page whose objective row is not in the source. */
  INDICATOR_OBJECTIVE_UNKNOWN: { readonly indicator: string; readonly name: string };
  /** A budget row whose indicator is on a missing page. */
  UNATTRIBUTED_CONTRIBUTION: { readonly row: number; readonly amount: number; readonly line: string };
}

/** Every code the importer reports a finding with. */
export type FindingCode = keyof FindingDetails;

/**
 * The plain-word message of each finding, in Indonesian and English, for the civil servants who
 * keep the plan: what the source says or lacks, and what the import did about it. The place
 * (line, page) is put in front by {@link findingOf}.
 */
export const FINDING_MESSAGES: { readonly [C in FindingCode]: (details: FindingDetails[C]) => Message } = {
  UNKNOWN_COLUMN: ({ column }) => ({
    id: `kolom ${quote(column)} bukan kolom templat CSV rapk, jadi isinya tidak diimpor.`,
    en: `the column ${quote(column)} is not a column of the rapk CSV template, so its values were not imported.`,
  }),
  UNKNOWN_KEY: ({ key, known }) => ({
    id: `${quote(key)} bukan salah satu kunci templat (${known.join(", ")}), jadi baris ini tidak diimpor.`,
    en: `${quote(key)} is not one of the template's keys (${known.join(", ")}), so this line was not imported.`,
  }),
  ORPHAN_FRAGMENT: ({ text, why }) => {
    const reason = orphanReason(why);
    return {
      id: `teks ${text.map(quote).join(" | ")} adalah sambungan baris tabel yang awalnya ada di halaman yang tidak ada dalam sumber (${reason.id}), jadi teks ini tidak dimasukkan ke rencana.`,
      en: `the text ${text.map(quote).join(" | ")} continues a table row that begins on a page missing from the source (${reason.en}), so it was left out of the plan.`,
    };
  },
  CELL_JOINED: ({ continues, names, wrapped }) => ({
    id: `baris ini menyambung baris ${continues} yang ${wrapped ? "teksnya turun ke baris sendiri" : "terpotong pergantian halaman"}; teksnya digabung: ${names.map((n) => `${COLUMN[n.column].id} menjadi ${quote(n.name)}`).join("; ")}.`,
    en: `this line continues line ${continues}, ${wrapped ? "whose text wrapped onto a line of its own" : "cut by a page break"}; the text was joined: ${names.map((n) => `${COLUMN[n.column].en} now reads ${quote(n.name)}`).join("; ")}.`,
  }),
  CELL_CUT: ({ column, code, written, kept, from }) => ({
    id: `${COLUMN[column].id} ${code} terpotong di akhir halaman (${quote(written)}) dan sambungannya ada di halaman yang hilang; rencana memakai nama lengkap dari baris ${from}: ${quote(kept)}.`,
    en: `the ${COLUMN[column].en} of ${code} is cut at the end of the page (${quote(written)}) and the rest is on a missing page; the plan takes the whole name from line ${from}: ${quote(kept)}.`,
  }),
  NAME_CONFLICT: ({ column, code, written, kept, from }) => ({
    id: `${COLUMN[column].id} ${code} tertulis ${quote(written)} di sini tetapi ${quote(kept)} di baris ${from}; rencana memakai ${quote(kept)}.`,
    en: `the ${COLUMN[column].en} of ${code} reads ${quote(written)} here but ${quote(kept)} on line ${from}; the plan keeps ${quote(kept)}.`,
  }),
  UNRECOGNISED_ROW: ({ where, text }) => {
    const place = { title: { id: "di atas tabel", en: "above the table" }, table: { id: "di dalam tabel", en: "in the table" }, signature: { id: "setelah tanda tangan", en: "after the signature" } }[where];
    return {
      id: `baris ${place.id} ini tidak dapat dibaca sebagai bagian dari rencana, jadi tidak dimasukkan: ${quote(text)}.`,
      en: `this line ${place.en} cannot be read as part of the plan, so it was left out: ${quote(text)}.`,
    };
  },
  SIGNATURE_MISSING: () => ({
    id: "tidak ada apa pun setelah baris Total: tempat, tanggal dan penanda tangan tidak ada, jadi rencana diimpor tanpa tanda tangan.",
    en: "nothing follows the Total: there is no place, date or signatory, so the plan was imported unsigned.",
  }),
  SIGNATURE_UNREADABLE: ({ found }) =>
    found === undefined
      ? {
          id: "jabatan penanda tangan tidak ada setelah tempat dan tanggal, jadi rencana diimpor tanpa tanda tangan.",
          en: "the signatory's title does not follow the place and date, so the plan was imported unsigned.",
        }
      : {
          id: `tempat dan tanggal penandatanganan tidak terbaca (contoh yang diharapkan: "Rejang Lebong, 22 Februari 2024"; tertulis ${quote(found)}), jadi rencana diimpor tanpa tanda tangan.`,
          en: `the place and date of signing cannot be read (expected like "Rejang Lebong, 22 February 2024"; found ${quote(found)}), so the plan was imported unsigned.`,
        },
  SIGNATORY_MISSING: () => ({
    id: "nama penanda tangan tidak ada dalam sumber (seharusnya di bawah jabatan); nama dibiarkan kosong, tidak diisi dengan tebakan.",
    en: "the signatory's name is not in the source (it should follow the title); it is left blank, never guessed.",
  }),
  BUDGET_MISMATCH: ({ indicator, stated, rows }) => {
    const gap = formatRupiah(Math.abs(stated - rows));
    return stated > rows
      ? {
          id: `anggaran indikator ${indicator} tertulis ${formatRupiah(stated)}, tetapi baris anggarannya hanya berjumlah ${formatRupiah(rows)}: ${gap} tidak terlihat (barisnya ada di halaman yang hilang, atau dokumennya keliru).`,
          en: `indicator ${indicator} states a budget (ANGGARAN) of ${formatRupiah(stated)}, but its budget rows add up to only ${formatRupiah(rows)}: ${gap} is not visible (its rows are on a missing page, or the document is wrong).`,
        }
      : {
          id: `anggaran indikator ${indicator} tertulis ${formatRupiah(stated)}, tetapi baris anggarannya berjumlah ${formatRupiah(rows)}, ${gap} lebih banyak.`,
          en: `indicator ${indicator} states a budget (ANGGARAN) of ${formatRupiah(stated)}, but its budget rows add up to ${formatRupiah(rows)}, ${gap} more.`,
        };
  },
  MISSING_OBJECTIVES: ({ number, missing }) => ({
    id: `nomor sasaran kegiatan melompat ke ${number}.: sasaran nomor ${list(missing.map(String), "dan")} tidak ada dalam sumber (halamannya hilang).`,
    en: `the objective numbers jump to ${number}.: objective${missing.length > 1 ? "s" : ""} ${list(missing.map(String), "and")} ${missing.length > 1 ? "are" : "is"} not in the source (missing pages).`,
  }),
  OBJECTIVE_NUMBER_OUT_OF_ORDER: ({ objective, number, after }) => ({
    id: `sasaran kegiatan ${objective} bernomor ${number}. padahal sebelumnya sudah ada nomor ${after}.`,
    en: `objective ${objective} is numbered ${number}. after number ${after}.`,
  }),
  CONTRIBUTIONS_EXCEED_PAGU: ({ line, total, pagu }) => ({
    id: `kontribusi yang tertulis untuk baris anggaran ${line} berjumlah ${formatRupiah(total)}, melebihi pagunya ${formatRupiah(pagu)} sebesar ${formatRupiah(total - pagu)}.`,
    en: `the contributions written for budget line ${line} add up to ${formatRupiah(total)}, over its pagu of ${formatRupiah(pagu)} by ${formatRupiah(total - pagu)}.`,
  }),
  LINES_BELOW_CEILING: ({ itemised, ceiling }) => ({
    id: `pagu baris anggaran dalam sumber berjumlah ${formatRupiah(itemised)}, ${formatRupiah(ceiling - itemised)} kurang dari Total ${formatRupiah(ceiling)}: sisanya ada di halaman yang hilang atau tidak dirinci.`,
    en: `the budget lines in the source add up to ${formatRupiah(itemised)}, ${formatRupiah(ceiling - itemised)} less than the Total of ${formatRupiah(ceiling)}: the rest is on missing pages or not itemised.`,
  }),
  BLANK_TARGET: ({ indicator, month }) => ({
    id: `indikator ${indicator} tidak punya target untuk bulan ${monthName(month, "id")}: selnya kosong, dan dibiarkan kosong (bukan 0).`,
    en: `indicator ${indicator} has no target for ${monthName(month, "en")}: the cell is blank, and it is kept blank (not 0).`,
  }),
  TARGET_READ_AS: ({ indicator, month, text, value, by, example }) => {
    const written = { id: `target ${monthName(month, "id")} indikator ${indicator} tertulis ${quote(text)} dan dibaca ${value}`, en: `the ${monthName(month, "en")} target of indicator ${indicator} is written ${quote(text)} and read as ${value}` };
    const shown = example ? ` ${quote(example.text)} (baris ${example.line})` : "";
    const shownEn = example ? ` ${quote(example.text)} (line ${example.line})` : "";
    if (by === "count")
      return { id: `${written.id}: indikator ini menghitung (Jumlah), jadi targetnya bilangan bulat.`, en: `${written.en}: the indicator counts (Jumlah), so its targets are whole numbers.` };
    if (by === "thousands")
      return { id: `${written.id}: dokumen ini memisahkan ribuan dengan tanda yang sama, seperti ditunjukkan angkanya${shown}.`, en: `${written.en}: the document groups thousands with that mark, as its number${shownEn} shows.` };
    return { id: `${written.id}: dokumen ini memisahkan ribuan dengan tanda lain (angkanya${shown}), jadi tanda ini tanda desimal.`, en: `${written.en}: the document groups thousands with the other mark (its number${shownEn}), so this one is its decimal mark.` };
  },
  INDICATOR_OBJECTIVE_UNKNOWN: ({ indicator, name }) => ({
    id: `indikator ${indicator} ${quote(name)} berada setelah halaman yang hilang dan baris sasarannya tidak ada dalam sumber, jadi indikator ini tidak dimasukkan.`,
    en: `indicator ${indicator} ${quote(name)} follows a missing page and its objective is not in the source, so it was left out.`,
  }),
  UNATTRIBUTED_CONTRIBUTION: ({ row, amount, line }) => ({
    id: `baris anggaran nomor ${row}. memberi ${formatRupiah(amount)} dari ${line} kepada indikator yang ada di halaman yang hilang; baris anggarannya tetap dicatat, tetapi kontribusinya tidak dikaitkan ke indikator mana pun.`,
    en: `budget row ${row}. gives ${formatRupiah(amount)} of ${line} to an indicator on a missing page; the budget line is kept, but the contribution is not attached to any indicator.`,
  }),
};

/** Every finding code, in the table's order. */
export const FINDING_CODES = Object.keys(FINDING_MESSAGES) as FindingCode[];

/**
 * A finding as the log records it: its code, place, subject and its message in both languages,
 * each opening with the line (and page) of the source.
 */
export function findingOf<C extends FindingCode>(code: C, place: SourcePlace & { readonly line: number; readonly subject?: string }, details: FindingDetails[C]): Finding {
  const message = placed(place, capitalised(FINDING_MESSAGES[code](details)));
  // Key order as the log writes it: code, line, page, subject, message.
  return {
    code,
    line: place.line,
    ...(place.page === undefined ? {} : { page: place.page }),
    ...(place.subject === undefined ? {} : { subject: place.subject }),
    message,
  };
}

/** A message's sentences after the place start lower-case; standing alone they open with a capital. */
export function capitalised(message: Message): Message {
  const up = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return { id: up(message.id), en: up(message.en) };
}
