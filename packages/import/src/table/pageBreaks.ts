import { type NameColumn, type OrphanReason, indicatorId, lineId } from "@rapk/core";
import { type Noticed, notice } from "../plan/noticed.js";
import type { BudgetEntry, Entry, Fragment, MutableNamed } from "./entries.js";
import { type Header, type Role, roleAt } from "./headers.js";
import type { Cell } from "./rows.js";
import { type BudgetNameRole, nameKey, pageEnds, wholeNames } from "./witnesses.js";

type NameRole = NameColumn;
const NAME_ROLES: ReadonlySet<Role> = new Set<Role>(["objective", "indicator", "output", "component", "subComponent"]);

/** The id a finding about an entry names: the indicator id or the budget line id. */
export function subjectOf(entry: Entry, objectiveOf: (entry: Entry) => string | undefined): string | undefined {
  if (entry.kind === "budget") return lineId(entry.output.code, entry.component.code, entry.subComponent.code);
  const indicator = entry.indicator;
  const objective = entry.kind === "objective" ? entry.objective.code : objectiveOf(entry);
  return indicator && objective ? indicatorId(objective, indicator.code) : undefined;
}

/** The cell of `entry` that a fragment cell with this role continues, if the entry has one. */
function target(entry: Entry, role: NameRole): MutableNamed | undefined {
  if (role === "objective") return entry.kind === "objective" ? entry.objective : undefined;
  if (role === "indicator") return entry.kind === "budget" ? undefined : entry.indicator;
  return entry.kind === "budget" ? entry[role] : undefined;
}


interface Placed {
  readonly cell: Cell;
  readonly role: NameRole;
  readonly into: MutableNamed;
}

/**
 * Decides whether a fragment continues the previous page's last row. It does only when every
 * cell sits under a name column that the row has, the numbering of the next budget row does not
 * show a missing page in between, and no cell it would lengthen is written whole elsewhere (the
 * same code with the same name on a row that no page break cuts). Otherwise it is an orphan:
 * the start of its row is on a missing page. Returns why it is an orphan, or the cells to join.
 */
function place(
  fragment: Fragment & { header: Header },
  previous: Entry | undefined,
  next: Entry | undefined,
  whole: Map<string, Map<string, number>>,
): { placed: Placed[] } | { orphan: OrphanReason } {
  if (!previous) return { orphan: { kind: "first" } };
  const placed: Placed[] = [];
  for (const cell of fragment.cells) {
    const role = roleAt(fragment.header, cell.col);
    if (!role || !NAME_ROLES.has(role)) return { orphan: { kind: "notName", column: cell.col + 1 } };
    const into = target(previous, role as NameRole);
    if (!into) return { orphan: { kind: "wrongRow", column: role as NameRole, previous: previous.line, row: previous.kind } };
    placed.push({ cell, role: role as NameRole, into });
  }
  if (next?.kind === "budget") {
    const expected = previous.kind === "budget" ? previous.number + 1 : 1;
    if (next.number !== expected)
      return { orphan: { kind: "numbering", next: next.line, number: next.number, expected, previous: previous.line } };
  }
  for (const { role, into } of placed) {
    if (previous.kind !== "budget" || role === "objective" || role === "indicator") continue;
    const witness = whole.get(nameKey(previous as BudgetEntry, role))?.get(into.name);
    if (witness !== undefined)
      return { orphan: { kind: "wholeElsewhere", column: role, witness, name: into.name, previous: previous.line } };
  }
  return { placed };
}

/**
 * The page-break pass (docs/domain.md, "The published text is incomplete"): joins each fragment to the cell it
 * continues (CELL_JOINED) or reports it as an orphan whose row starts on a missing page
 * (ORPHAN_FRAGMENT). Returns the lines of the orphans: each is evidence of a missing page.
 */
export function resolvePageBreaks(
  entries: readonly Entry[],
  fragments: readonly (Fragment & { header: Header })[],
  objectiveOf: (entry: Entry) => string | undefined,
  findings: Noticed[],
): number[] {
  const ends = pageEnds(entries);
  const whole = wholeNames(entries, ends);
  const orphans: number[] = [];
  // Fragments and entries are both in line order, so one cursor finds each fragment's neighbours.
  let after = 0;
  for (const fragment of fragments) {
    while (after < entries.length && (entries[after] as Entry).line < fragment.line) after++;
    const previous = entries[after - 1];
    const next = entries[after];
    const decision = place(fragment, previous, next, whole);
    if ("orphan" in decision) {
      orphans.push(fragment.line);
      findings.push(notice("ORPHAN_FRAGMENT", fragment.line, { text: fragment.cells.map((c) => c.text), why: decision.orphan }));
      continue;
    }
    const names = decision.placed.map(({ cell, role, into }) => {
      into.name = `${into.name} ${cell.text}`;
      return { column: role, name: into.name };
    });
    findings.push(notice("CELL_JOINED", fragment.line, { continues: (previous as Entry).line, names }, subjectOf(previous as Entry, objectiveOf)));
  }
  return orphans;
}
