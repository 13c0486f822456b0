import type { Direction, IndicatorId, IndicatorUnit, LineId, PlanEvent, RevisionKind, TargetShape } from "@rapk/core";
import { indicatorId, lineId } from "@rapk/core";
import { addDays, addMinutes, format } from "date-fns";
import { type Random, createRandom } from "./random.js";
import {
  COMPONENT_NAMES,
  INDICATOR_KINDS,
  INDICATOR_SUBJECTS,
  KROS,
  OBJECTIVE_NAMES,
  OBSTACLES,
  OUTPUT_NAMES,
  PLACES,
  SUB_COMPONENT_NAMES,
} from "./vocabulary.js";

/** The size of a generated plan. */
export interface PlanShape {
  readonly seed: number;
  readonly objectives: number;
  readonly indicatorsPerObjective: number;
  readonly lines: number;
  /** The fiscal year; 2024 when omitted. */
  readonly year?: number;
  readonly unit?: string;
}

/** A plan and the year that follows its signing. */
export interface HistoryShape extends PlanShape {
  /** How often a month's running report is sent: 1 monthly, 4 weekly. A later report supersedes. */
  readonly reportRounds: number;
  /** Revisi POK batches a month. */
  readonly pokPerMonth: number;
  /** Months of reports, 12 for a whole year. */
  readonly months?: number;
  /** Stop at exactly this many events, cutting a report batch short. */
  readonly maxEvents?: number;
}

/** Who, when, why and on whose authority, as an event log records it for one batch. */
export interface BatchMeta {
  readonly at: string;
  readonly actor: string;
  readonly reason: string;
  readonly reference?: string;
  readonly kind: RevisionKind;
}

/** One accepted batch (a version of the plan): its events share the metadata. */
export interface Batch {
  readonly meta: BatchMeta;
  readonly events: PlanEvent[];
}

/** Sizes the benchmarks use. */
export const SHAPES = {
  /** One Loka POM: about the seed's size. */
  unit: { seed: 1, objectives: 7, indicatorsPerObjective: 4, lines: 60, reportRounds: 1, pokPerMonth: 1 },
  /** A Balai Besar POM: sixty indicators, three hundred budget lines. */
  office: { seed: 12, objectives: 12, indicatorsPerObjective: 5, lines: 300, reportRounds: 1, pokPerMonth: 2 },
  /** BPOM's consolidated plan over its regional offices: 2,000 indicators, 5,000 budget lines. */
  agency: { seed: 2024, objectives: 100, indicatorsPerObjective: 20, lines: 5000, reportRounds: 1, pokPerMonth: 2, maxEvents: 100_000 },
  /** A ministry-wide plan reported weekly: a million events in the year. */
  national: { seed: 7, objectives: 300, indicatorsPerObjective: 20, lines: 14_000, reportRounds: 4, pokPerMonth: 4, maxEvents: 1_000_000 },
} as const satisfies Record<string, HistoryShape>;

// Quarterly absorption benchmarks of the treasury (15/40/60/90 %) spread over the months.
const ABSORPTION = [0.04, 0.09, 0.15, 0.22, 0.3, 0.4, 0.47, 0.53, 0.6, 0.7, 0.8, 0.95];
const UNITS: readonly IndicatorUnit[] = ["percent", "percent", "percent", "index", "level", "score"];
const SHAPES_OF_TARGETS: readonly TargetShape[] = ["constant", "cumulative", "stepped", "year-end"];

interface IndicatorModel {
  readonly id: IndicatorId;
  readonly unit: IndicatorUnit;
  readonly direction: Direction;
  readonly shape: TargetShape;
  targets: (number | null)[];
  readonly ratio: boolean;
  readonly lines: LineId[];
}

interface LineModel {
  readonly id: LineId;
  pagu: number;
  /** Sum of the contributions made from it. */
  allocated: number;
  /** Sum of the final monthly spending, including the month being reported. */
  spent: number;
  /** indicator id -> amount. */
  readonly contributions: Map<IndicatorId, number>;
}

const thousands = (amount: number) => Math.floor(amount / 1000) * 1000;
const round2 = (value: number) => Math.round(value * 100) / 100;
const code = (n: number) => String(n).padStart(n < 100 ? 2 : 3, "0");

function targetsOf(random: Random, unit: IndicatorUnit, shape: TargetShape): (number | null)[] {
  const annual = unit === "percent" ? round2(60 + random.int(0, 400) / 10) : unit === "index" ? round2(3 + random.unit() * 1.5) : random.int(60, 95);
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const values = months.map((m): number => {
    switch (shape) {
      case "constant":
        return annual;
      case "cumulative":
        return round2((annual * m) / 12);
      case "stepped":
        return m < 3 ? 0 : round2((annual * Math.floor(m / 3)) / 4);
      case "year-end":
        return m === 12 ? annual : 0;
    }
  });
  // The published plan leaves the odd first month blank (indicator 11.04 of the seed).
  return random.chance(0.02) ? [null, ...values.slice(1)] : values;
}

/** The monthly realisation of an indicator, near its target, with the ratio it came from for some percentages. */
function realisationOf(random: Random, indicator: IndicatorModel, month: number): Extract<PlanEvent, { type: "RealisationReported" }>["data"] {
  const target = indicator.targets[month - 1] ?? indicator.targets[11] ?? 50;
  let value = round2(Math.max(0, target * (0.8 + random.unit() * 0.35)));
  if (indicator.unit === "percent") value = Math.min(100, value);
  const note = random.chance(0.1) ? { note: random.pick(OBSTACLES) } : {};
  if (!indicator.ratio) return { indicator: indicator.id, month, value, ...note };
  const denominator = random.int(10, 400);
  const numerator = Math.min(denominator, Math.round((denominator * value) / 100));
  return { indicator: indicator.id, month, value: round2((numerator / denominator) * 100), numerator, denominator, ...note };
}

/** Builds the draft batch and the bookkeeping that keeps later batches valid. */
function draftPlan(random: Random, shape: PlanShape, start: Date) {
  const year = shape.year ?? 2024;
  const events: PlanEvent[] = [];
  const indicators: IndicatorModel[] = [];
  const lines: LineModel[] = [];

  const objectiveEvents: PlanEvent[] = [];
  const indicatorEvents: PlanEvent[] = [];
  let objectiveCode = 0;
  for (let o = 0; o < shape.objectives; o++) {
    // Codes are agency-wide and not contiguous: 01, 03, 04 ...
    objectiveCode += random.chance(0.2) ? 2 : 1;
    const objective = code(objectiveCode);
    objectiveEvents.push({ type: "ObjectiveDefined", data: { code: objective, number: o + 1, name: `${random.pick(OBJECTIVE_NAMES)} (${objective})` } });
    let indicatorCode = 0;
    for (let i = 0; i < shape.indicatorsPerObjective; i++) {
      indicatorCode += random.chance(0.15) ? 2 : 1;
      const unit = random.pick(UNITS);
      const targetShape = random.pick(SHAPES_OF_TARGETS);
      const model: IndicatorModel = {
        id: indicatorId(objective, code(indicatorCode)),
        unit,
        direction: random.chance(0.1) ? "lower" : "higher",
        shape: targetShape,
        targets: targetsOf(random, unit, targetShape),
        ratio: unit === "percent" && random.chance(0.4),
        lines: [],
      };
      indicators.push(model);
      const name = `${random.pick(INDICATOR_KINDS)} ${random.pick(INDICATOR_SUBJECTS)}`;
      indicatorEvents.push(
        { type: "IndicatorDefined", data: { objective, code: code(indicatorCode), name, unit, direction: model.direction, shape: targetShape } },
        { type: "TargetsSet", data: { indicator: model.id, values: [...model.targets] } },
      );
    }
  }

  const lineEvents: PlanEvent[] = [];
  const contributionEvents: PlanEvent[] = [];
  for (let l = 0; l < shape.lines; l++) lines.push(registerLine(random, l, lineEvents));
  lines.forEach((line, l) => {
    // Every indicator gets a line; a line serves one to three indicators (the salary line serves two).
    const served = new Set([indicators[l % indicators.length] as IndicatorModel]);
    const extra = random.int(0, 2);
    for (let k = 0; k < extra; k++) served.add(random.pick(indicators));
    const share = Math.max(1000, thousands((line.pagu * (0.6 + random.unit() * 0.4)) / served.size));
    for (const indicator of served) if (share <= line.pagu - line.allocated) allocate(line, indicator, share, contributionEvents);
  });

  const ceiling = lines.reduce((sum, line) => sum + line.pagu, 0);
  events.push({
    type: "PlanDrafted",
    data: { unit: shape.unit ?? "Badan Pengawas Obat dan Makanan", agency: "Badan Pengawas Obat dan Makanan", year, ceiling, title: `RENCANA AKSI PERJANJIAN KINERJA TAHUN ${year}` },
  });
  events.push(...objectiveEvents, ...indicatorEvents, ...lineEvents, ...contributionEvents);
  events.push(signature(random, start, "Kepala Badan"));
  return { events, indicators, lines, ceiling };
}

function registerLine(random: Random, index: number, out: PlanEvent[]): LineModel {
  // 24 lines per output (8 components x 3 sub-components); the output's code is unique by construction.
  const o = Math.floor(index / 24);
  const slot = index % 24;
  const output = {
    code: `${o % 17 === 0 ? "WA" : "DR"}.${3100 + Math.floor(o / 50)}.${KROS[Math.floor((o % 50) / 5)]}.${code(100 + (o % 5) + 1)}`,
    name: random.pick(OUTPUT_NAMES),
  };
  const component = { code: String(51 + Math.floor(slot / 3)).padStart(3, "0"), name: random.pick(COMPONENT_NAMES) };
  const subComponent = { code: "ABC"[slot % 3] as string, name: random.pick(SUB_COMPONENT_NAMES) };
  const pagu = random.int(5_000, 2_500_000) * 1000;
  out.push({ type: "BudgetLineRegistered", data: { output, component, subComponent, pagu } });
  return { id: lineId(output.code, component.code, subComponent.code), pagu, allocated: 0, spent: 0, contributions: new Map() };
}

function allocate(line: LineModel, indicator: IndicatorModel, amount: number, out: PlanEvent[]): void {
  const before = line.contributions.get(indicator.id) ?? 0;
  if (before === 0) indicator.lines.push(line.id);
  line.contributions.set(indicator.id, amount);
  line.allocated += amount - before;
  out.push({ type: "ContributionAllocated", data: { indicator: indicator.id, line: line.id, amount } });
}

function signature(random: Random, date: Date, title: string): PlanEvent {
  return { type: "PlanSigned", data: { place: random.pick(PLACES), date: format(date, "yyyy-MM-dd"), name: `Dr. Penandatangan ${random.int(1, 99)}`, title } };
}

// Western Indonesian time, as the units write it; the date parts come from date-fns in local time
// and are labelled +07:00, so the text does not depend on the machine's time zone.
const stamp = (date: Date) => `${format(date, "yyyy-MM-dd'T'HH:mm:ss")}+07:00`;

/** A Revisi POK: money moves between lines (the total stays) and part of it follows to an indicator. */
function pokRevision(random: Random, lines: LineModel[], indicators: Map<string, IndicatorModel>, moves: number): PlanEvent[] {
  const events: PlanEvent[] = [];
  for (let k = 0; k < moves; k++) {
    const from = random.pick(lines);
    const to = random.pick(lines);
    if (from === to) continue;
    const slack = from.pagu - Math.max(from.allocated, from.spent);
    const amount = thousands(slack * (0.05 + random.unit() * 0.25));
    if (amount < 1000) continue;
    from.pagu -= amount;
    to.pagu += amount;
    events.push({ type: "BudgetRevised", data: { line: from.id, pagu: from.pagu } }, { type: "BudgetRevised", data: { line: to.id, pagu: to.pagu } });
    const [first] = to.contributions.keys();
    const indicator = first === undefined ? undefined : indicators.get(first);
    const half = thousands(amount / 2);
    if (indicator && half > 0) allocate(to, indicator, (to.contributions.get(indicator.id) ?? 0) + half, events);
  }
  return events;
}

/** A revised RAPK: some targets raised or lowered, a name made clearer, signed again. */
function rapkRevision(random: Random, indicators: IndicatorModel[], date: Date): PlanEvent[] {
  const events: PlanEvent[] = [];
  const count = Math.max(1, Math.floor(indicators.length / 100));
  for (let k = 0; k < count; k++) {
    const indicator = random.pick(indicators);
    const factor = 0.9 + random.unit() * 0.2;
    // Scaling every month keeps a cumulative target non-decreasing.
    indicator.targets = indicator.targets.map((t) => (t === null ? null : round2(t * factor)));
    events.push({ type: "TargetsSet", data: { indicator: indicator.id, values: [...indicator.targets] } });
    if (random.chance(0.3)) events.push({ type: "IndicatorRenamed", data: { indicator: indicator.id, name: `${random.pick(INDICATOR_KINDS)} ${random.pick(INDICATOR_SUBJECTS)} (revisi)` } });
  }
  events.push(signature(random, date, "Kepala Badan"));
  return events;
}

/** A Revisi DIPA: the ceiling grows by new lines, each attributed to an indicator. */
function dipaRevision(random: Random, state: { lines: LineModel[]; indicators: IndicatorModel[]; ceiling: number }): PlanEvent[] {
  const registered: PlanEvent[] = [];
  const allocations: PlanEvent[] = [];
  const added = Math.max(1, Math.floor(state.lines.length / 100));
  let extra = 0;
  for (let k = 0; k < added; k++) {
    const line = registerLine(random, state.lines.length, registered);
    state.lines.push(line);
    extra += line.pagu;
    allocate(line, random.pick(state.indicators), thousands(line.pagu / 2), allocations);
  }
  state.ceiling += extra;
  return [{ type: "CeilingRevised", data: { ceiling: state.ceiling } }, ...registered, ...allocations];
}

/** The draft batch of a plan of the given size (one accepted `draft` batch, ending with the signature). */
export function generatePlan(shape: PlanShape): Batch {
  const random = createRandom(shape.seed);
  const start = new Date(shape.year ?? 2024, 0, 3, 9, 0, 0);
  return { meta: { at: stamp(start), actor: "Biro Perencanaan dan Keuangan", reason: "Penyusunan Rencana Aksi PK", reference: "PK/2024/001", kind: "draft" }, events: draftPlan(random, shape, start).events };
}

/**
 * A plan and its year: the draft, then for every month the running reports of realisation and
 * spending, Revisi POK, a revised RAPK each quarter and a Revisi DIPA in July. Every batch is
 * one that `decideBatch` accepts with its kind (packages/bench/test checks it).
 */
export function generateHistory(shape: HistoryShape): Batch[] {
  const random = createRandom(shape.seed);
  const year = shape.year ?? 2024;
  const start = new Date(year, 0, 3, 9, 0, 0);
  const plan = draftPlan(random, shape, start);
  const state = { lines: plan.lines, indicators: plan.indicators, ceiling: plan.ceiling };
  const byId = new Map(plan.indicators.map((i) => [i.id, i]));
  const batches: Batch[] = [{ meta: { at: stamp(start), actor: "Biro Perencanaan dan Keuangan", reason: "Penyusunan Rencana Aksi PK", reference: `PK/${year}/001`, kind: "draft" }, events: plan.events }];
  const limit = shape.maxEvents ?? Number.POSITIVE_INFINITY;
  let total = plan.events.length;

  const add = (meta: BatchMeta, events: PlanEvent[]) => {
    if (events.length === 0 || total >= limit) return;
    if (total + events.length > limit) {
      // Only a report batch may be cut: its prefix is still a valid report. A revision that does not fit is left out.
      if (meta.kind !== "report") return;
      events = events.slice(0, limit - total);
    }
    batches.push({ meta, events });
    total += events.length;
  };

  for (let month = 1; month <= (shape.months ?? 12) && total < limit; month++) {
    const first = new Date(year, month - 1, 1, 10, 0, 0);
    const label = format(first, "MMMM yyyy");
    // This month's spending per line, fixed when the month opens so that POK can keep every pagu above it.
    const spending = state.lines.map((line) => {
      const wanted = thousands(line.pagu * Math.min(0.99, (ABSORPTION[month - 1] ?? 0.95) * (0.85 + random.unit() * 0.2)));
      const amount = Math.max(0, Math.min(wanted - line.spent, line.pagu - line.spent));
      line.spent += amount;
      return { line: line.id, amount };
    });
    const realisations = state.indicators.map((indicator) => realisationOf(random, indicator, month));
    const report = (round: number): PlanEvent[] => [
      ...realisations.map((data): PlanEvent => ({ type: "RealisationReported", data })),
      ...spending.map(({ line, amount }): PlanEvent => ({ type: "SpendingReported", data: { line, month, amount: round === shape.reportRounds ? amount : thousands((amount * round) / shape.reportRounds) } })),
    ];
    for (let round = 1; round < shape.reportRounds; round++) {
      const day = 1 + Math.floor((24 * round) / shape.reportRounds);
      add({ at: stamp(addDays(first, day - 1)), actor: "Operator SAKTI", reason: `Laporan berjalan ${label} (minggu ${round})`, kind: "report" }, report(round));
    }
    for (let p = 0; p < shape.pokPerMonth; p++) {
      const events = pokRevision(random, state.lines, byId, 3);
      add({ at: stamp(addMinutes(addDays(first, 24), 30 * p)), actor: "Kuasa Pengguna Anggaran", reason: `Revisi POK ${label}`, reference: `ND-${month}${p}/KU.01.01/${year}`, kind: "pok" }, events);
    }
    if (month % 3 === 0 && month < 12)
      add({ at: stamp(addDays(first, 26)), actor: "Kepala Badan", reason: `Reviu Rencana Aksi triwulan ${month / 3}`, reference: `RAPK-REV/${month / 3}/${year}`, kind: "rapk" }, rapkRevision(random, state.indicators, addDays(first, 26)));
    if (month === 7)
      add({ at: stamp(addDays(first, 27)), actor: "Kanwil DJPb", reason: "Revisi DIPA: tambahan pagu", reference: `SP-DIPA-063.01-${year}/REV-1`, kind: "dipa" }, dipaRevision(random, state));
    add({ at: stamp(new Date(year, month, 5, 16, 0, 0)), actor: "Operator SAKTI", reason: `Laporan realisasi ${label}`, kind: "report" }, report(shape.reportRounds));
  }
  return batches;
}

/** How many events the batches hold. */
export function eventCount(batches: readonly Batch[]): number {
  return batches.reduce((sum, batch) => sum + batch.events.length, 0);
}
