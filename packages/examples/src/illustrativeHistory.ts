import { type PlanState, lineId } from "@rapk/core";
import { type RevisionInput, type StoredEvent, appendRevision, openHistory } from "@rapk/history";

/**
 * Marks every illustrative event: the plan is real, the history after it is not. Auditors and
 * the viewer must be able to tell the two apart from the log alone.
 */
export const ILLUSTRATIVE = "[illustrative]";
const ACTOR = `${ILLUSTRATIVE} Tim Perencanaan dan Keuangan, Loka POM di Kabupaten Rejang Lebong`;

// Share of a line's pagu spent in each month January..June: about the treasury's quarterly
// benchmarks (15 % by March, 40 % by June).
const SPENDING_SHARE = [0.03, 0.05, 0.07, 0.09, 0.11, 0.05];

// Realisation as a share of the month's target: close to, sometimes above, sometimes below it,
// so every BPOM band but the extremes shows up.
const REALISATION_FACTOR = [0.97, 1.01, 0.93, 1.04, 0.88, 1.12];

const round2 = (x: number) => Math.round(x * 100) / 100;

function onDay(month: number, day: number): string {
  return `2024-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T10:00:00+07:00`;
}

// A month is reported early the next month; January's report waits for the plan, signed 22 February.
const reportedAt = (month: number) => (month === 1 ? onDay(2, 26) : onDay(month + 1, 5));

function reportsFor(state: PlanState, month: number): unknown[] {
  const commands: unknown[] = [];
  for (const indicator of Object.values(state.indicators).sort((a, b) => a.id.localeCompare(b.id))) {
    const target = indicator.targets[month - 1];
    if (target === null || target === undefined || target === 0) continue;
    const aim = target * REALISATION_FACTOR[month - 1]!;
    if (indicator.unit === "percent") {
      // Percentages are counted: numerator of denominator (pembilang / penyebut).
      const denominator = 20 + month * 6;
      const numerator = Math.min(denominator, Math.round((aim / 100) * denominator));
      commands.push({ type: "reportRealisation", data: { indicator: indicator.id, month, value: round2((numerator / denominator) * 100), numerator, denominator } });
    } else {
      commands.push({ type: "reportRealisation", data: { indicator: indicator.id, month, value: round2(aim) } });
    }
  }
  for (const line of Object.values(state.lines).sort((a, b) => a.id.localeCompare(b.id))) {
    const amount = Math.floor(line.pagu * SPENDING_SHARE[month - 1]!);
    if (amount > 0) commands.push({ type: "reportSpending", data: { line: line.id, month, amount } });
  }
  return commands;
}

function must(log: StoredEvent[], revision: RevisionInput): StoredEvent[] {
  // Illustrative: every version is recorded on the day it takes effect (the writer's clock stands in).
  const result = appendRevision(log, revision, { now: () => revision.meta.at as string });
  if (!result.ok) throw new Error(`illustrative revision "${revision.meta.reason}" refused: ${result.error.code} ${result.error.message}`);
  return [...log, ...result.events];
}

/**
 * Extends the real plan with an illustrative January-June 2024: monthly realisation and
 * spending, a revised target (April) and a Revisi POK (May) that moves Rp2.000.000 between two
 * sub-components of the KIE output DR.3165.BDC.001. Every figure passes the invariants.
 */
export function illustrativeHistory(seed: readonly StoredEvent[]): StoredEvent[] {
  let log = [...seed];
  const state = () => openHistory(log).head;
  const report = (month: number) => {
    log = must(log, {
      meta: { actor: ACTOR, reason: `${ILLUSTRATIVE} monthly report, ${month}/2024`, reference: `${ILLUSTRATIVE} Laporan bulanan ${month}/2024`, kind: "report", at: reportedAt(month) },
      commands: reportsFor(state(), month),
    });
  };
  for (const month of [1, 2, 3]) report(month);

  // A revised RAPK in April: indicator 01.07's year-end target is raised, and the plan signed again.
  const umkm = state().indicators["01.07"];
  if (umkm) {
    log = must(log, {
      meta: { actor: ACTOR, reason: `${ILLUSTRATIVE} revised target for 01.07 after the Q1 review`, reference: `${ILLUSTRATIVE} RAPK revisi I/2024`, kind: "rapk", at: onDay(4, 15) },
      commands: [{ type: "setTarget", data: { indicator: "01.07", month: 12, value: 100 } }, { type: "setTarget", data: { indicator: "01.07", month: 11, value: 85 } }],
    });
  }
  report(4);

  // Revisi POK in May: Rp2.000.000 from sub-component A to B of DR.3165.BDC.001.051, for 03.01.
  const from = lineId("DR.3165.BDC.001", "051", "A");
  const to = lineId("DR.3165.BDC.001", "051", "B");
  const current = state();
  const shift = 2_000_000;
  const fromLine = current.lines[from];
  const toLine = current.lines[to];
  if (!fromLine || !toLine) throw new Error(`the POK lines ${from} and ${to} are not in the plan`);
  const contribution = (line: string) => current.contributions["03.01"]?.[line] ?? 0;
  log = must(log, {
    meta: { actor: ACTOR, reason: `${ILLUSTRATIVE} Revisi POK: more public education sessions, fewer mobile checks`, reference: `${ILLUSTRATIVE} ND Revisi POK 05/2024`, kind: "pok", at: onDay(5, 20) },
    commands: [
      { type: "reviseBudget", data: { line: from, pagu: fromLine.pagu - shift } },
      { type: "allocateContribution", data: { indicator: "03.01", line: from, amount: contribution(from) - shift } },
      { type: "reviseBudget", data: { line: to, pagu: toLine.pagu + shift } },
      { type: "allocateContribution", data: { indicator: "03.01", line: to, amount: contribution(to) + shift } },
    ],
  });
  report(5);
  report(6);
  return log;
}
