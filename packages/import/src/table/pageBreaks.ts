import { type NameColumn, type OrphanReason, indicatorId, lineId } from "@rapk/core";
import { type Noticed, notice } from "../plan/noticed.js";
import { type Staged, staged } from "../plan/staged.js";
import type { BudgetEntry, Entry } from "./entries.js";
import { NAME_ROLES, roleAt } from "./headers.js";
import type { HeadedFragment } from "./readPages.js";
import type { Cell } from "./rows.js";
import { STARTS_LIKE_A_ROW } from "./patterns.js";
import { mayBeCut, nameKey, wholeNames } from "./witnesses.js";

type NameRole = NameColumn;

/** The entries with every joined name lengthened, and the lines of the orphans: each is evidence of a missing page. */
export interface PageBreaks {
  readonly entries: readonly Entry[];
  readonly orphans: readonly number[];
}

/** The id a finding about an entry names: the indicator id or the budget line id. */
export function subjectOf(entry: Entry, objectiveOf: (line: number) => string | undefined): string | undefined {
  if (entry.kind === "budget") return lineId(entry.output.code, entry.component.code, entry.subComponent.code);
  const indicator = entry.indicator;
  const objective = entry.kind === "objective" ? entry.objective.code : objectiveOf(entry.line);
  return indicator && objective ? indicatorId(objective, indicator.code) : undefined;
}

/** The name of `entry` that a fragment cell with this role continues, if the entry has one. */
function nameAt(entry: Entry, role: NameRole): string | undefined {
  if (role === "objective") return entry.kind === "objective" ? entry.objective.name : undefined;
  if (role === "indicator") return entry.kind === "budget" ? undefined : entry.indicator?.name;
  return entry.kind === "budget" ? entry[role].name : undefined;
}

/** The entry with the name under `role` replaced (the role is one nameAt found on it). */
function withName(entry: Entry, role: NameRole, name: string): Entry {
  if (entry.kind === "objective" && role === "objective") return { ...entry, objective: { ...entry.objective, name } };
  if (entry.kind !== "budget" && role === "indicator" && entry.indicator) return { ...entry, indicator: { ...entry.indicator, name } } as Entry;
  if (entry.kind === "budget" && role !== "objective" && role !== "indicator") return { ...entry, [role]: { ...entry[role], name } };
  return entry;
}

interface Placed {
  readonly cell: Cell;
  readonly role: NameRole;
}

/**
 * Decides whether a fragment continues the previous page's last row. It does only when every
 * cell sits under a name column that the row has, the numbering of the next budget row does not
 * show a missing page in between, and no cell it would lengthen is written whole elsewhere (the
 * same code with the same name on a row that no page break cuts). Otherwise it is an orphan:
 * the start of its row is on a missing page. Returns why it is an orphan, or the cells to join.
 */
function place(
  fragment: HeadedFragment,
  previous: Entry | undefined,
  next: Entry | undefined,
  whole: Map<string, Map<string, number>>,
): { placed: Placed[] } | { orphan: OrphanReason } {
  if (!previous) return { orphan: { kind: "first" } };
  const placed: Placed[] = [];
  for (const cell of fragment.cells) {
    const role = roleAt(fragment.header, cell.col);
    if (!role || !NAME_ROLES.has(role)) return { orphan: { kind: "notName", column: cell.col + 1 } };
    if (nameAt(previous, role as NameRole) === undefined) return { orphan: { kind: "wrongRow", column: role as NameRole, previous: previous.line, row: previous.kind } };
    placed.push({ cell, role: role as NameRole });
  }
  if (next?.kind === "budget") {
    const expected = previous.kind === "budget" ? previous.number + 1 : 1;
    if (next.number !== expected)
      return { orphan: { kind: "numbering", next: next.line, number: next.number, expected, previous: previous.line } };
  }
  for (const { role } of placed) {
    if (previous.kind !== "budget" || role === "objective" || role === "indicator") continue;
    const name = previous[role].name;
    const witness = whole.get(nameKey(previous as BudgetEntry, role))?.get(name);
    if (witness !== undefined) return { orphan: { kind: "wholeElsewhere", column: role, witness, name, previous: previous.line } };
  }
  return { placed };
}

/** Joins the placed cells to the entry, one space between the parts: the new entry and each name as it reads after its cell. */
function join(entry: Entry, placed: readonly Placed[]): { entry: Entry; names: { column: NameRole; name: string }[] } {
  return placed.reduce<{ entry: Entry; names: { column: NameRole; name: string }[] }>(
    (joined, { cell, role }) => {
      const name = `${nameAt(joined.entry, role)} ${cell.text}`;
      return { entry: withName(joined.entry, role, name), names: [...joined.names, { column: role, name }] };
    },
    { entry, names: [] },
  );
}

/**
 * The page-break pass (docs/domain.md, "The published text is incomplete"): joins each fragment to the cell it
 * continues (CELL_JOINED) or reports it as an orphan whose row starts on a missing page
 * (ORPHAN_FRAGMENT). Gives the entries with their joined names (new entries; those it is given
 * are left as they are) and the lines of the orphans.
 */
export function resolvePageBreaks(
  entries: readonly Entry[],
  fragments: readonly HeadedFragment[],
  objectiveOf: (line: number) => string | undefined,
): Staged<PageBreaks> {
  const whole = wholeNames(entries, mayBeCut(entries, fragments.map((f) => f.line)));
  const orphans: number[] = [];
  const findings: Noticed[] = [];
  // Each entry as the fragments joined so far left it, by line (two fragments may continue one row).
  const joined = new Map<number, Entry>();
  const current = (entry: Entry | undefined) => (entry ? (joined.get(entry.line) ?? entry) : undefined);
  // Fragments and entries are both in line order, so one cursor finds each fragment's neighbours.
  let after = 0;
  for (const fragment of fragments) {
    while (after < entries.length && (entries[after] as Entry).line < fragment.line) after++;
    const previous = current(entries[after - 1]);
    // Text that starts like a row of its own (`08 - Persentase ...` with its cells lost, `3. ...`)
    // continues no name: joined, it would lengthen the row above with another row's start.
    if (fragment.cells.some((c) => STARTS_LIKE_A_ROW.test(c.text))) {
      findings.push(notice("UNRECOGNISED_ROW", fragment.line, { where: "table", text: fragment.cells.map((c) => c.text).join(" | ").slice(0, 120) }));
      continue;
    }
    const decision = place(fragment, previous, current(entries[after]), whole);
    // Text inside a page that continues no cell is not a sign of a missing page: it cannot be read.
    if ("orphan" in decision && fragment.within) {
      findings.push(notice("UNRECOGNISED_ROW", fragment.line, { where: "table", text: fragment.cells.map((c) => c.text).join(" | ").slice(0, 120) }));
      continue;
    }
    if ("orphan" in decision) {
      orphans.push(fragment.line);
      findings.push(notice("ORPHAN_FRAGMENT", fragment.line, { text: fragment.cells.map((c) => c.text), why: decision.orphan }));
      continue;
    }
    const { entry, names } = join(previous as Entry, decision.placed);
    joined.set(entry.line, entry);
    findings.push(notice("CELL_JOINED", fragment.line, { continues: entry.line, names, ...(fragment.within ? { wrapped: true } : {}) }, subjectOf(entry, objectiveOf)));
  }
  return staged({ entries: entries.map((entry) => joined.get(entry.line) ?? entry), orphans }, findings);
}
