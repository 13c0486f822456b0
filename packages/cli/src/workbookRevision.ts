import { promises as fs } from "node:fs";
import { extname } from "node:path";
import type { DomainError, Language } from "@rapk/core";
import type { RevisionInput } from "@rapk/history";
import { CliError, EXIT } from "./cliError.js";
import { describeFsError, pathOf } from "./files.js";
import type { Io } from "./io.js";
import type { LoadedLog } from "./logFile.js";
import type { CsvLocale } from "./csvLocale.js";
import { headVersion } from "./selector.js";

/** Whether a revision file is a filled spreadsheet template (.xlsx, or the CSV template) rather than revision.json. */
export const isTemplateFile = (file: string) => [".xlsx", ".csv"].includes(extname(file).toLowerCase());


/** The largest workbook read: 20 MB (a template of a plan is a few dozen kB). */
const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;

/** The plan's identity a template carries: the head of the log's first version, which no other plan shares. */
export function planIdOf(log: LoadedLog): string {
  const first = log.versions[0];
  if (!first) throw new CliError("holds no plan yet: a template is made of a plan", { file: log.file, code: "PLAN_NOT_DRAFTED" });
  return first.head;
}

/** A filled template read into the revision it asks for, and where each of its commands came from. */
export interface WorkbookRevision {
  readonly revision: RevisionInput;
  /** The sheet and cell a refusal of command i points at. */
  readonly placeOf: (error: DomainError) => string | undefined;
}

/**
 * Reads a filled template (.xlsx, or the CSV template in `csvLocale`) against the log it is applied to: refused unless it was made
 * for this plan (and, when asked, this month and kind), at the log's latest version (exit 3 when
 * the log has moved on since), and every cell reads; each problem names its sheet and cell.
 */
export async function workbookRevision(
  io: Io,
  file: string,
  log: LoadedLog,
  language: Language,
  expect: { readonly month?: number; readonly kind?: string },
  csvLocale: CsvLocale = "en",
): Promise<WorkbookRevision> {
  let bytes: Buffer;
  try {
    if ((await fs.stat(pathOf(io, file))).size > MAX_WORKBOOK_BYTES) throw new CliError(`is over ${MAX_WORKBOOK_BYTES} bytes; a template is far smaller`, { file, code: "FILE_UNREADABLE" });
    bytes = await fs.readFile(pathOf(io, file));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(describeFsError(error), { file, code: "FILE_UNREADABLE" });
  }
  const { describeProblem, filledRevision, readCsvGrid, readWorkbookGrid, templateMetaOf, templateOf } = await import("@rapk/report");
  let grid;
  try {
    grid = extname(file).toLowerCase() === ".csv" ? readCsvGrid(new TextDecoder("utf-8").decode(bytes), csvLocale) : await readWorkbookGrid(new Uint8Array(bytes));
  } catch (error) {
    throw new CliError((error as Error).message, { file, code: "FILE_UNREADABLE" });
  }
  const found = templateMetaOf(grid);
  if (!found.ok) throw new CliError(describeProblem(found.problem)[language], { file, code: found.problem.code });
  const { meta } = found;
  const plan = planIdOf(log);
  const other = (id: string, en: string) => new CliError(language === "id" ? id : en, { file, code: "TEMPLATE_OTHER_PLAN" });
  if (meta.plan !== plan) throw other(`dibuat untuk rencana lain (${meta.unit} ${meta.year}), bukan rencana dalam ${log.file}`, `was made for another plan (${meta.unit} ${meta.year}), not the plan in ${log.file}`);
  if (expect.kind !== undefined && meta.kind !== expect.kind) throw other(`adalah templat jenis ${meta.kind}, bukan ${expect.kind}`, `is a template of kind ${meta.kind}, not ${expect.kind}`);
  if (expect.month !== undefined && meta.month !== expect.month)
    throw other(`adalah templat bulan ${meta.month ?? "-"}, bukan bulan ${expect.month}`, `is the template of month ${meta.month ?? "-"}, not of month ${expect.month}`);
  const head = headVersion(log.history);
  if (meta.version !== head)
    throw new CliError(
      language === "id"
        ? `dibuat pada versi ${meta.version}, sedangkan log sekarang pada versi ${head}: buat templat baru (rapk template); tidak ada yang ditambahkan`
        : `was made at version ${meta.version} and the log is at version ${head} now: make a new template (rapk template); nothing was appended`,
      { file, code: "CONFLICT" },
      meta.version < head ? EXIT.conflict : EXIT.input,
    );
  const template = templateOf(log.history.head, { kind: meta.kind, ...(meta.month === undefined ? {} : { month: meta.month }), plan, version: head });
  const filled = filledRevision(template, grid);
  if (!filled.ok) {
    const [first, ...rest] = filled.problems;
    const more = rest.length === 0 ? "" : language === "id" ? ` (dan ${rest.length} masalah lain)` : ` (and ${rest.length} more)`;
    throw new CliError(`${describeProblem(first!)[language]}${more}`, { file, code: first!.code });
  }
  return {
    revision: filled.revision,
    placeOf: (error) => {
      const [index, , field] = error.path;
      // A rule broken by the batch as a whole names a place in the plan (`spending.<line>`): the
      // row is the last command about that line or indicator, its figure the cell.
      const about = typeof index === "number" ? index : lastCommandAbout(filled.revision.commands, String(error.path[1] ?? ""));
      const place = about === undefined ? undefined : filled.places[about];
      if (!place) return undefined;
      const cell = typeof index !== "number" ? figureCell(place.cells) : typeof field === "string" ? (place.cells[error.path.slice(2).join(".")] ?? place.cells[field]) : undefined;
      return language === "id" ? `lembar "${place.sheet}"${cell ? `, sel ${cell}` : ""}` : `sheet "${place.sheet}"${cell ? `, cell ${cell}` : ""}`;
    },
  };
}

function lastCommandAbout(commands: readonly unknown[], key: string): number | undefined {
  for (let i = commands.length - 1; i >= 0; i--) {
    const data = (commands[i] as { data?: { line?: unknown; indicator?: unknown } }).data;
    if (key !== "" && (data?.line === key || data?.indicator === key)) return i;
  }
  return undefined;
}

/** The cell of a command's figure: the amount, pagu or value the rule is about. */
const figureCell = (cells: Readonly<Record<string, string>>) => cells.amount ?? cells.pagu ?? cells.value;
