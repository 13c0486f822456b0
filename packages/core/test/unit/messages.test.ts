import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ERROR_CODES,
  ERROR_MESSAGES,
  FINDING_CODES,
  Finding,
  type FindingCode,
  type FindingDetails,
  type NameColumn,
  type OrphanReason,
  decide,
  explainError,
  findingOf,
  initialState,
} from "../../src/index.js";
import { seedDraft } from "../fixtures/seed.js";
import { stateAfter } from "../../src/testing/stateAfter.js";
import { PROPERTY_TIMEOUT, runs } from "../properties/arbitraries.js";

describe("findingOf: a finding in plain words, in both languages", () => {
  it("given a budget the rows do not reach, when it is reported, then both languages cite the line and say the figures", () => {
    const finding = findingOf("BUDGET_MISMATCH", { line: 39, subject: "01.07" }, { indicator: "01.07", stated: 37_648_000, rows: 0 });
    expect(finding).toEqual({
      code: "BUDGET_MISMATCH",
      line: 39,
      subject: "01.07",
      message: {
        id: "Baris 39: Anggaran indikator 01.07 tertulis Rp37.648.000, tetapi baris anggarannya hanya berjumlah Rp0: Rp37.648.000 tidak terlihat (barisnya ada di halaman yang hilang, atau dokumennya keliru).",
        en: "Line 39: Indicator 01.07 states a budget (ANGGARAN) of Rp37.648.000, but its budget rows add up to only Rp0: Rp37.648.000 is not visible (its rows are on a missing page, or the document is wrong).",
      },
    });
    // The shape the log records (core's schema), keys in the order the log writes them.
    expect(Finding.parse(finding)).toEqual(finding);
    expect(Object.keys(finding)).toEqual(["code", "line", "subject", "message"]);
  });

  it("given a text that marks pages, when a finding is on page 3, then both languages cite the page after the line", () => {
    const finding = findingOf("BLANK_TARGET", { line: 140, page: 3, subject: "11.04" }, { indicator: "11.04", month: 1 });
    expect(finding.page).toBe(3);
    expect(finding.message.id).toBe("Baris 140 (halaman 3): Indikator 11.04 tidak punya target untuk bulan Januari: selnya kosong, dan dibiarkan kosong (bukan 0).");
    expect(finding.message.en).toBe("Line 140 (page 3): Indicator 11.04 has no target for January: the cell is blank, and it is kept blank (not 0).");
    expect(Object.keys(finding)).toEqual(["code", "line", "page", "subject", "message"]);
  });

  it("given an orphan fragment, when it is reported, then it says why a page must be missing", () => {
    const why: OrphanReason = { kind: "numbering", next: 91, number: 1, expected: 10, previous: 85 };
    const finding = findingOf("ORPHAN_FRAGMENT", { line: 90 }, { text: ["PERKARA"], why });
    expect(finding.message.en).toBe(
      'Line 90: The text "PERKARA" continues a table row that begins on a page missing from the source (the next budget row (line 91) is numbered 1. where 10. would follow line 85), so it was left out of the plan.',
    );
    expect(finding.message.id).toContain("baris anggaran berikutnya (baris 91) bernomor 1. padahal setelah baris 85 seharusnya 10.");
  });
});

describe("explainError: every refusal in plain words", () => {
  it("given a revision that goes back in time, when it is explained, then both languages say what to do instead", () => {
    expect(explainError("TIME_GOES_BACKWARDS")).toEqual({
      id: "Tanggal ini lebih awal daripada versi terakhir dalam log; koreksi atas versi lama dicatat sebagai versi baru yang menyebut versi yang dikoreksi.",
      en: "This date is earlier than the log's last version; a correction of an earlier version is recorded as a new version that names the version it corrects.",
    });
  });

  it("given the line and page of a source, when an import error is explained, then it opens with them", () => {
    expect(explainError("BAD_AMOUNT", { line: 12, page: 2 })).toEqual({
      id: "Baris 12 (halaman 2): Jumlah uang di baris ini tidak terbaca sebagai Rupiah bulat.",
      en: "Line 12 (page 2): An amount on this line cannot be read as whole Rupiah.",
    });
  });

  it("given a code that is not rapk's, when it is explained, then there is nothing to say", () => {
    expect(explainError("ENOENT")).toBeUndefined();
    expect(explainError("toString")).toBeUndefined();
  });

  it("given the plan refuses a command, when its code is looked up, then the table explains it", () => {
    const refused = decide({ type: "setTarget", data: { indicator: "99.99", month: 1, value: 5 } }, stateAfter(seedDraft));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(explainError(refused.error.code)?.en).toBe("There is no indicator with this code in the plan.");
    const undrafted = decide({ type: "setTarget", data: { indicator: "01.01", month: 1, value: 5 } }, initialState());
    if (undrafted.ok) throw new Error("accepted a target before the plan was drafted");
    expect(explainError(undrafted.error.code)?.id).toBe("Rencana belum dibuat; buat rencananya dulu (draftPlan).");
  });
});

// One generator per finding code: typed over the codes, so a new code without one does not compile.
const text = fc.string({ minLength: 1, maxLength: 40 });
const lineNo = fc.integer({ min: 1, max: 100_000 });
const rupiah = fc.integer({ min: 0, max: 10_000_000_000_000 });
const column = fc.constantFrom<NameColumn>("objective", "indicator", "output", "component", "subComponent");
const orphanReason: fc.Arbitrary<OrphanReason> = fc.oneof(
  fc.constant({ kind: "first" as const }),
  fc.record({ kind: fc.constant("notName" as const), column: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant("wrongRow" as const), column, previous: lineNo, row: fc.constantFrom("objective" as const, "indicator" as const, "budget" as const) }),
  fc.record({ kind: fc.constant("numbering" as const), next: lineNo, number: fc.nat(99), expected: fc.nat(99), previous: lineNo }),
  fc.record({ kind: fc.constant("wholeElsewhere" as const), column, witness: lineNo, name: text, previous: lineNo }),
);
const naming = fc.record({ column, code: text, written: text, kept: text, from: lineNo });
const DETAILS: { readonly [C in FindingCode]: fc.Arbitrary<FindingDetails[C]> } = {
  UNKNOWN_COLUMN: fc.record({ column: text }),
  UNKNOWN_KEY: fc.record({ key: text, known: fc.array(text, { maxLength: 5 }) }),
  ORPHAN_FRAGMENT: fc.record({ text: fc.array(text, { minLength: 1, maxLength: 4 }), why: orphanReason }),
  CELL_JOINED: fc.record({ continues: lineNo, names: fc.array(fc.record({ column, name: text }), { minLength: 1, maxLength: 3 }), wrapped: fc.boolean() }, { requiredKeys: ["continues", "names"] }),
  CELL_CUT: naming,
  NAME_CONFLICT: naming,
  UNRECOGNISED_ROW: fc.record({ where: fc.constantFrom("title" as const, "table" as const, "signature" as const), text }),
  SIGNATURE_MISSING: fc.constant({}),
  SIGNATURE_UNREADABLE: fc.oneof(fc.constant({}), fc.record({ found: text })),
  SIGNATORY_MISSING: fc.constant({}),
  BUDGET_MISMATCH: fc.record({ indicator: text, stated: rupiah, rows: rupiah }),
  MISSING_OBJECTIVES: fc.record({ number: fc.integer({ min: 2, max: 99 }), missing: fc.array(fc.integer({ min: 1, max: 98 }), { minLength: 1, maxLength: 5 }) }),
  OBJECTIVE_NUMBER_OUT_OF_ORDER: fc.record({ objective: text, number: fc.nat(99), after: fc.nat(99) }),
  CONTRIBUTIONS_EXCEED_PAGU: fc.record({ line: text, total: rupiah, pagu: rupiah }),
  LINES_BELOW_CEILING: fc.record({ itemised: rupiah, ceiling: rupiah }),
  BLANK_TARGET: fc.record({ indicator: text, month: fc.integer({ min: 1, max: 12 }) }),
  TARGET_READ_AS: fc.record(
    { indicator: text, month: fc.integer({ min: 1, max: 12 }), text, value: fc.double({ min: 0, max: 1e6, noNaN: true }), by: fc.constantFrom("count" as const, "thousands" as const, "decimal" as const), example: fc.record({ text, line: lineNo }) },
    { requiredKeys: ["indicator", "month", "text", "value", "by"] },
  ),
  INDICATOR_OBJECTIVE_UNKNOWN: fc.record({ indicator: text, name: text }),
  UNATTRIBUTED_CONTRIBUTION: fc.record({ row: fc.integer({ min: 1, max: 99 }), amount: rupiah, line: text }),
};

const anyFinding = fc.constantFrom(...FINDING_CODES).chain((code) =>
  fc.record({ code: fc.constant(code), details: DETAILS[code] as fc.Arbitrary<never>, line: lineNo, page: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }) }),
);

describe("every code has a message in both languages", () => {
  it(
    "every finding, whatever its facts, reads in Indonesian and in English, each citing its line (and page), and is what the log's schema accepts",
    () => {
      fc.assert(
        fc.property(anyFinding, ({ code, details, line, page }) => {
          const finding = findingOf(code, page === undefined ? { line } : { line, page }, details);
          expect(finding.message.id).toMatch(new RegExp(`^Baris ${line}${page === undefined ? "" : ` \\(halaman ${page}\\)`}: \\S`));
          expect(finding.message.en).toMatch(new RegExp(`^Line ${line}${page === undefined ? "" : ` \\(page ${page}\\)`}: \\S`));
          expect(finding.message.id).not.toBe(finding.message.en);
          expect(Finding.safeParse(finding).success).toBe(true);
        }),
        runs,
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("every error code has a non-empty Indonesian and English message, different from each other, with or without a place", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ERROR_CODES), fc.option(lineNo, { nil: undefined }), (code, line) => {
        const message = explainError(code, line === undefined ? {} : { line });
        expect(message?.id.trim()).not.toBe("");
        expect(message?.en.trim()).not.toBe("");
        expect(message?.id).not.toBe(message?.en);
        if (line !== undefined) expect(message?.en.startsWith(`Line ${line}: `) && message.id.startsWith(`Baris ${line}: `)).toBe(true);
      }),
      runs,
    );
    expect(ERROR_CODES.length).toBe(Object.keys(ERROR_MESSAGES).length);
    expect(new Set([...ERROR_CODES, ...FINDING_CODES]).size).toBe(ERROR_CODES.length + FINDING_CODES.length);
  });
});
