import fc from "fast-check";

/**
 * Whole plans in the seed's layout (packages/examples/sources/rapk-2024-loka-pom-rejang-lebong.txt),
 * as a model with the figures a correct import gives back, and its printing: either number style,
 * names wrapped onto lines of their own, pages broken at random places.
 */

/** How the document writes numbers: its decimal mark, and whether it groups thousands (with the other mark). */
export interface NumberPrint {
  readonly decimal: "." | ",";
  readonly grouped: boolean;
  /** Whether a figure keeps its trailing zeros (`99,30`, `100,00`), as some units' spreadsheets print them. */
  readonly fixed?: boolean;
}

/** A figure as generated: `digits` / 10^`places`, printed with `places` decimals at most (trailing zeros dropped). */
export interface Figure {
  readonly digits: number;
  readonly places: 0 | 1 | 2 | 3;
}

export interface PlanRow {
  readonly output: { readonly code: string; readonly name: string };
  readonly component: { readonly code: string; readonly name: string };
  readonly subComponent: { readonly code: string; readonly name: string };
  readonly pagu: number;
  readonly contribution: number;
}

export interface PlanIndicator {
  readonly code: string;
  /** The first word of the name, which says the unit (Persentase ... Jumlah). */
  readonly unitWord: string;
  readonly name: string;
  readonly targets: readonly (Figure | null)[];
  readonly rows: readonly PlanRow[];
  /** Whether the row prints its ANGGARAN blank (only where it has no budget rows); otherwise the sum of their KONTRIBUSI. */
  readonly blankBudget: boolean;
}

export interface PlanObjective {
  readonly number: number;
  readonly code: string;
  readonly name: string;
  readonly indicators: readonly PlanIndicator[];
}

export interface PublishedPlan {
  readonly year: number;
  readonly unit: string;
  readonly objectives: readonly PlanObjective[];
  /** The Total above the lines' pagu (0: the lines itemise it exactly). */
  readonly spare: number;
}

/** Where names wrap, and where pages break: chosen per printable line. */
export interface Layout {
  readonly style: NumberPrint;
  /** Per data line: the number of words its name cells keep before the rest wraps onto a line of its own (0: no wrap). */
  readonly wraps: readonly number[];
  /** Per printed line: whether a page break comes before it. */
  readonly breaks: readonly boolean[];
  /** Per page: how the extraction left its columns. */
  readonly pages: readonly PageColumns[];
}

/** How a page's columns come out of the extraction, as the seed's pages do: shifted right by `shift` empty cells; NO and RO in one cell when `merged`. */
export interface PageColumns {
  readonly shift: number;
  readonly merged: boolean;
}

export const UNIT_WORDS = ["Persentase", "Presentase", "Prosentase", "Tingkat", "Indeks", "Nilai", "Jumlah"] as const;

// Words of real names, lower and upper case. "jumlah" and "total" are there because a real name may
// wrap with one of them alone on its line, which is then no Total row.
const WORDS = ["pengawasan", "Obat", "dan", "Makanan", "yang", "memenuhi", "syarat", "di", "wilayah", "kerja", "UPT", "sarana", "distribusi", "laporan", "hasil", "sampel", "diuji", "sesuai", "standar", "layanan", "publik", "kepuasan", "masyarakat", "pangan", "olahan", "jumlah", "total", "tepat", "waktu"];
const words = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(" "));
const upperWords = (min: number, max: number) => words(min, max).map((w) => w.toUpperCase());

const letters = (n: number, alphabet: string) => fc.array(fc.constantFrom(...alphabet), { minLength: n, maxLength: n }).map((a) => a.join(""));
const outputCode = fc
  .tuple(letters(2, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), fc.integer({ min: 1000, max: 9999 }), letters(3, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), letters(3, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
  .map(([p, a, k, r]) => `${p}.${a}.${k}.${r}`);

/** A count's target: a whole number, most of them small, some in the thousands (1.080). */
const countTarget: fc.Arbitrary<Figure> = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 3_000_000 })).map((digits) => ({ digits, places: 0 }));

/** Any other target: a percentage with up to two decimals, a figure in the thousands, and in a plan written `fine` some with three decimals. */
const measureTarget = (fine: boolean): fc.Arbitrary<Figure> => fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 10_000 }).map((digits) => ({ digits, places: 2 as const })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 1000 }).map((digits) => ({ digits, places: 1 as const })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 100 }).map((digits) => ({ digits, places: 0 as const })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 200_000 }).map((digits) => ({ digits, places: 0 as const })) },
  { weight: fine ? 2 : 0, arbitrary: fc.integer({ min: 0, max: 5_000_000 }).map((digits) => ({ digits, places: 3 as const })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 500_000_000 }).map((digits) => ({ digits, places: 2 as const })) },
);

const row = fc.record({
  output: fc.record({ code: outputCode, name: words(1, 8) }),
  component: fc.record({ code: fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, "0")), name: words(1, 8) }),
  subComponent: fc.record({ code: letters(1, "ABCDEFGHIJK"), name: upperWords(1, 5) }),
  pagu: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1000, max: 999_999 }), fc.integer({ min: 1_000_000, max: 3_000_000_000 })),
  share: fc.double({ min: 0, max: 1, noNaN: true }),
  /** Now and then the row draws on a line an earlier row registered (one line serving several indicators, as in the seed). */
  reuse: fc.option(fc.nat(), { nil: undefined, freq: 3 }),
});

const indicator = (fine: boolean) => fc.constantFrom(...UNIT_WORDS).chain((unitWord) =>
  fc.record({
    unitWord: fc.constant(unitWord),
    name: words(1, 12).map((w) => `${unitWord} ${w}`),
    targets: fc.array(fc.option(unitWord === "Jumlah" ? countTarget : measureTarget(fine), { nil: null, freq: 20 }), { minLength: 12, maxLength: 12 }),
    rows: fc.array(row, { maxLength: 4 }),
    blankBudget: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  }),
);

/** Codes that rise, as the agency's are (not contiguous: 01, 03, 04, 07). */
const risingCodes = (count: number) => fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: count, maxLength: count }).map((n) => n.sort((a, b) => a - b).map((c) => String(c).padStart(2, "0")));

export const publishedPlan: fc.Arbitrary<PublishedPlan> = fc
  .oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) })
  .chain((fine) => fc.record({
    year: fc.integer({ min: 2020, max: 2030 }),
    unit: upperWords(1, 3).map((w) => `LOKA POM DI KABUPATEN ${w}`),
    objectives: fc.array(fc.record({ name: words(2, 14), indicators: fc.array(indicator(fine), { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 4 }),
    spare: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50_000_000 })),
  }))
  .chain((p) =>
    fc.tuple(risingCodes(p.objectives.length), fc.tuple(...p.objectives.map((o) => risingCodes(o.indicators.length)))).map(([objectiveCodes, indicatorCodes]) => {
      // A line is registered once: a row drawing on it again has the same codes, names and pagu, and
      // its contribution comes out of what the rows before left of the pagu.
      const seen = new Map<string, { row: Omit<PlanRow, "contribution">; left: number }>();
      const objectives = p.objectives.map((o, oi) => ({
        number: oi + 1,
        code: objectiveCodes[oi] as string,
        name: o.name,
        indicators: o.indicators.map((i, ii) => {
          const rows = i.rows.reduce<PlanRow[]>((rows, { share, reuse, ...fresh }) => {
            const earlier = [...seen.values()];
            const shared = reuse === undefined || earlier.length === 0 ? undefined : earlier[reuse % earlier.length];
            const r = shared?.row ?? fresh;
            const id = lineOf(r);
            // One line twice under one indicator is refused (DUPLICATE_BUDGET_ROW); and a fresh row may not reuse another's codes.
            if (rows.some((x) => lineOf(x) === id) || (!shared && seen.has(id))) return rows;
            const line = seen.get(id) ?? { row: r, left: r.pagu };
            const contribution = Math.floor(line.left * share);
            seen.set(id, { row: r, left: line.left - contribution });
            return [...rows, { ...r, contribution }];
          }, []);
          return { code: (indicatorCodes[oi] as string[])[ii] as string, unitWord: i.unitWord, name: i.name, targets: i.targets, rows, blankBudget: i.blankBudget && rows.length === 0 };
        }),
      }));
      return { year: p.year, unit: p.unit, objectives, spare: p.spare };
    }),
  );

/** A row's budget line: RO + komponen + sub komponen. */
export const lineOf = (row: Pick<PlanRow, "output" | "component" | "subComponent">) => `${row.output.code}.${row.component.code}.${row.subComponent.code}`;

/** The value a figure stands for, as the printed decimal reads. */
export function valueOf(figure: Figure): number {
  return Number(printNumber(figure, { decimal: ".", grouped: false }));
}

/** A figure as the document prints it: thousands grouped by threes with the other mark when `grouped`. */
export function printNumber(figure: Figure, style: NumberPrint): string {
  const scale = 10 ** figure.places;
  const whole = String(Math.floor(figure.digits / scale));
  const digits = figure.places === 0 ? "" : String(figure.digits % scale).padStart(figure.places, "0");
  const fraction = style.fixed ? digits : digits.replace(/0+$/, "");
  const thousands = style.decimal === "." ? "," : ".";
  const grouped = style.grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands) : whole;
  return fraction === "" ? grouped : `${grouped}${style.decimal}${fraction}`;
}

export const printAmount = (amount: number, style: NumberPrint) => printNumber({ digits: amount, places: 0 }, style);

/** What each data line of the table is, in print order (a plan's lines, before wrapping and page breaks). */
export type DataLine =
  | { readonly kind: "objective"; readonly objective: PlanObjective; readonly indicator: PlanIndicator }
  | { readonly kind: "indicator"; readonly objective: PlanObjective; readonly indicator: PlanIndicator }
  | { readonly kind: "budgetHeader" }
  | { readonly kind: "budget"; readonly number: number; readonly objective: PlanObjective; readonly indicator: PlanIndicator; readonly row: PlanRow };

export function dataLines(plan: PublishedPlan): DataLine[] {
  return plan.objectives.flatMap((objective) =>
    objective.indicators.flatMap((indicator, i): DataLine[] => [
      i === 0 ? { kind: "objective", objective, indicator } : { kind: "indicator", objective, indicator },
      ...(indicator.rows.length > 0 ? [{ kind: "budgetHeader" } as const] : []),
      ...indicator.rows.map((row, r) => ({ kind: "budget" as const, number: r + 1, objective, indicator, row })),
    ]),
  );
}

/** A layout for a plan: a number style, a wrap choice for each data line and a page-break choice for each printed line. */
export function layoutOf(plan: PublishedPlan): fc.Arbitrary<Layout> {
  const count = dataLines(plan).length;
  return fc.record({
    style: fc.record({ decimal: fc.constantFrom(".", ","), grouped: fc.boolean(), fixed: fc.boolean() }),
    wraps: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }) }), { minLength: count, maxLength: count }),
    breaks: fc.array(fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }), { minLength: 2 * count + 1, maxLength: 2 * count + 1 }),
    pages: fc.array(fc.record({ shift: fc.constantFrom(0, 0, 0, 1, 2), merged: fc.boolean() }), { minLength: 2 * count + 2, maxLength: 2 * count + 2 }),
  });
}

/** A name cut after `keep` words: the part on the row and the part that wraps (none when the name is that short). */
function cut(name: string, keep: number): [string, string | undefined] {
  const parts = name.split(" ");
  if (keep === 0 || keep >= parts.length) return [name, undefined];
  return [parts.slice(0, keep).join(" "), parts.slice(keep).join(" ")];
}

/** A printed table line and what it is. */
export interface PrintedLine {
  readonly text: string;
  readonly kind: "title" | "pageHeader" | "budgetHeader" | "data" | "wrap" | "total" | "signature";
  /** For a data or wrap line: the data line it prints. */
  readonly data?: DataLine;
}

const T = "\t";
const MONTHS = Array.from({ length: 12 }, (_, i) => `B${String(i + 1).padStart(2, "0")}`);
const PAGE_HEADER = ["NO.", "SASARAN KEGIATAN", "INDIKATOR KINERJA KEGIATAN", "TARGET", ...Array(11).fill(""), "ANGGARAN"].join(T);
const MONTHS_HEADER = ["", "", "", ...MONTHS, ""].join(T);
const BUDGET_HEADER = ["", "", "NO", "RO", "KOMPONEN", "SUB KOMPONEN", "ANGGARAN", "KONTRIBUSI"].join(T);

/** The plan printed as a PDF extraction gives it: the seed's columns, `layout`'s wraps and page breaks. */
export function printPlan(plan: PublishedPlan, layout: Layout): PrintedLine[] {
  const { style } = layout;
  const body: PrintedLine[] = [];
  dataLines(plan).forEach((line, i) => {
    const keep = layout.wraps[i] ?? 0;
    if (line.kind === "budgetHeader") {
      body.push({ text: BUDGET_HEADER, kind: "budgetHeader" });
      return;
    }
    if (line.kind === "budget") {
      const { row } = line;
      const [output, outputRest] = cut(row.output.name, keep);
      const [component, componentRest] = cut(row.component.name, keep);
      const cells = ["", "", `${line.number}.`, `${row.output.code} - ${output}`, `${row.component.code} - ${component}`, `${row.subComponent.code} - ${row.subComponent.name}`, printAmount(row.pagu, style), printAmount(row.contribution, style)];
      body.push({ text: cells.join(T), kind: "data", data: line });
      if (outputRest || componentRest) body.push({ text: ["", "", "", outputRest ?? "", componentRest ?? ""].join(T).replace(/\t+$/, ""), kind: "wrap", data: line });
      return;
    }
    const { objective, indicator } = line;
    const [objectiveName, objectiveRest] = line.kind === "objective" ? cut(objective.name, keep) : [objective.name, undefined];
    const [indicatorName, indicatorRest] = cut(indicator.name, keep);
    const budget = indicator.blankBudget ? "" : printAmount(indicator.rows.reduce((sum, r) => sum + r.contribution, 0), style);
    const targets = indicator.targets.map((t) => (t === null ? "" : printNumber(t, style)));
    const head = line.kind === "objective" ? [`${objective.number}.`, `${objective.code} - ${objectiveName}`] : ["", ""];
    body.push({ text: [...head, `${indicator.code} - ${indicatorName}`, ...targets, budget].join(T), kind: "data", data: line });
    if (objectiveRest || indicatorRest) body.push({ text: ["", objectiveRest ?? "", indicatorRest ?? ""].join(T).replace(/\t+$/, ""), kind: "wrap", data: line });
  });

  const ceiling = plan.objectives.flatMap((o) => o.indicators.flatMap((i) => i.rows)).reduce((sum, r) => sum + r.pagu, 0) + plan.spare;
  const out: PrintedLine[] = [
    { text: `**RENCANA AKSI PERJANJIAN KINERJA TAHUN ${plan.year}`, kind: "title" },
    { text: plan.unit, kind: "title" },
    { text: "BADAN PENGAWAS OBAT DAN MAKANAN**", kind: "title" },
    { text: "", kind: "title" },
    { text: PAGE_HEADER, kind: "pageHeader" },
    { text: MONTHS_HEADER, kind: "pageHeader" },
  ];
  body.forEach((line, i) => {
    if (i > 0 && layout.breaks[i]) {
      out.push({ text: "", kind: "pageHeader" }, { text: PAGE_HEADER, kind: "pageHeader" }, { text: MONTHS_HEADER, kind: "pageHeader" });
      // A page that starts inside an indicator's budget rows repeats their header, as the seed's pages do.
      if (line.data?.kind === "budget") out.push({ text: BUDGET_HEADER, kind: "budgetHeader" });
    }
    out.push(line);
  });
  if (layout.breaks[body.length]) out.push({ text: "", kind: "pageHeader" }, { text: PAGE_HEADER, kind: "pageHeader" }, { text: MONTHS_HEADER, kind: "pageHeader" });
  out.push(
    { text: ["", "", "", "", "", "Total", printAmount(ceiling, style)].join(T), kind: "total" },
    { text: "", kind: "signature" },
    { text: `Kabupaten, 22 Februari ${plan.year}`, kind: "signature" },
    { text: "", kind: "signature" },
    { text: "Kepala Loka POM", kind: "signature" },
    { text: "", kind: "signature" },
    { text: "Nama Kepala, S.Farm., Apt", kind: "signature" },
  );
  return asExtracted(out, layout.pages);
}

/** The table's lines with each page's columns as `pages` says: shifted right, NO and RO merged into one cell. */
function asExtracted(lines: readonly PrintedLine[], pages: readonly PageColumns[]): PrintedLine[] {
  let page = -1;
  return lines.map((line) => {
    if (line.text === PAGE_HEADER) page++;
    const columns = pages[page];
    if (!columns || line.text === "" || line.kind === "title" || line.kind === "signature") return line;
    let cells = line.text.split(T);
    if (columns.merged) {
      if (line.kind === "budgetHeader") cells = [...cells.slice(0, 2), `${cells[2]} ${cells[3]}`, ...cells.slice(4)];
      else if (line.kind === "data" && line.data?.kind === "budget") cells = [...cells.slice(0, 2), `${cells[2]} ${cells[3]}`, ...cells.slice(4)];
      else if (line.kind === "wrap" && line.data?.kind === "budget") cells = [...cells.slice(0, 2), ...cells.slice(3)];
    }
    return { ...line, text: [...Array<string>(columns.shift).fill(""), ...cells].join(T) };
  });
}
