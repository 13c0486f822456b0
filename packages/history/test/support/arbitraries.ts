import { type PlanState, type RevisionKind, initialState, lineId, stateAfter } from "@rapk/core";
import fc from "fast-check";
import { type StoredEvent, appendRevision } from "../../src/index.js";

/** Property runs: RAPK_PROPERTY_RUNS or 1000 (the project's standard). */
export const RUNS = Number(process.env.RAPK_PROPERTY_RUNS) || 1000;

const SHAPES = ["constant", "stepped", "year-end", "cumulative"] as const;
const UNITS = ["percent", "level", "index", "score"] as const;
const OUTPUTS = ["DR.3165.QIA.005", "DR.3165.QIA.001", "DR.3165.BDC.001", "WA.6384.EBA.994"] as const;

/** A random signed or unsigned draft: objectives, indicators with targets, lines, contributions within pagu. */
export const draftArb = fc
  .record({
    objectives: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }),
    indicators: fc.array(
      fc.record({
        objective: fc.nat(),
        code: fc.integer({ min: 1, max: 9 }),
        shape: fc.constantFrom(...SHAPES),
        base: fc.integer({ min: 0, max: 100 }),
        unit: fc.constantFrom(...UNITS),
        direction: fc.constantFrom("higher", "lower"),
        // Months left blank (null, not 0), anywhere in the year; cumulative targets skip them.
        blanks: fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 3 }),
      }),
      { maxLength: 6 },
    ),
    lines: fc.array(fc.record({ output: fc.constantFrom(...OUTPUTS), component: fc.integer({ min: 51, max: 56 }), sub: fc.constantFrom("A", "B", "C"), pagu: fc.integer({ min: 1, max: 200_000_000 }) }), { maxLength: 6 }),
    // `rest`: the contribution takes what is left of the line, so lines allocated exactly to their pagu occur.
    shares: fc.array(fc.record({ indicator: fc.nat(), line: fc.nat(), share: fc.double({ min: 0.01, max: 0.5, noNaN: true }), rest: fc.boolean() }), { maxLength: 8 }),
    slack: fc.integer({ min: 0, max: 50_000_000 }),
    signed: fc.boolean(),
  })
  .map((d) => {
    const objectives = d.objectives.map((n) => String(n).padStart(2, "0"));
    const commands: unknown[] = [];
    const lines = new Map<string, number>();
    for (const l of d.lines) lines.set(lineId(l.output, String(l.component).padStart(3, "0"), l.sub), l.pagu);
    const ceiling = [...lines.values()].reduce((a, b) => a + b, 0) + d.slack;
    commands.push({ type: "draftPlan", data: { unit: "Loka POM di Kabupaten Rejang Lebong", agency: "Badan Pengawas Obat dan Makanan", year: 2024, ceiling } });
    for (const [i, code] of objectives.entries()) commands.push({ type: "defineObjective", data: { code, number: i + 1, name: `Sasaran ${code}` } });
    const indicators: string[] = [];
    for (const ind of d.indicators) {
      const objective = objectives[ind.objective % objectives.length] as string;
      const code = String(ind.code).padStart(2, "0");
      const id = `${objective}.${code}`;
      if (indicators.includes(id)) continue;
      indicators.push(id);
      commands.push({ type: "defineIndicator", data: { objective, code, name: `Indikator ${id}`, unit: ind.unit, direction: ind.direction, shape: ind.shape } });
      const values = Array.from({ length: 12 }, (_, m) =>
        ind.blanks.includes(m) ? null : ind.shape === "cumulative" ? Math.min(100, ind.base + m) : ind.shape === "year-end" ? (m === 11 ? ind.base : 0) : ind.base,
      );
      commands.push({ type: "setTargets", data: { indicator: id, values } });
    }
    const lineIds = [...lines.keys()];
    for (const [id, pagu] of lines) {
      const [program, activity, kro, ro, component, sub] = id.split(".");
      commands.push({
        type: "registerBudgetLine",
        data: { output: { code: `${program}.${activity}.${kro}.${ro}`, name: `RO ${ro}` }, component: { code: component, name: `Komponen ${component}` }, subComponent: { code: sub, name: `Sub ${sub}` }, pagu },
      });
    }
    const used = new Map<string, number>();
    if (indicators.length > 0 && lineIds.length > 0)
      for (const s of d.shares) {
        const line = lineIds[s.line % lineIds.length] as string;
        const indicator = indicators[s.indicator % indicators.length] as string;
        const amount = s.rest ? (lines.get(line) as number) - (used.get(line) ?? 0) : Math.floor((lines.get(line) as number) * s.share);
        if (amount === 0) continue;
        if ((used.get(line) ?? 0) + amount > (lines.get(line) as number)) continue;
        used.set(line, (used.get(line) ?? 0) + amount);
        commands.push({ type: "allocateContribution", data: { indicator, line, amount } });
      }
    if (d.signed) commands.push({ type: "signPlan", data: { place: "Rejang Lebong", date: "2024-02-22", name: null, title: "Kepala Loka POM" } });
    return commands;
  });

/** What a revision wants, resolved against the state it is decided on (picks index existing ids). */
type Op =
  | { op: "target"; pick: number; month: number; value: number | null }
  | { op: "renameIndicator"; pick: number; name: string }
  | { op: "renameObjective"; pick: number; name: string }
  | { op: "pagu"; pick: number; delta: number; toAllocated: boolean }
  | { op: "contribution"; indicator: number; line: number; share: number }
  | { op: "ceiling"; delta: number }
  | { op: "realisation"; pick: number; month: number; value: number }
  | { op: "spending"; pick: number; month: number; share: number }
  | { op: "sign"; day: number };

const month = fc.integer({ min: 1, max: 12 });
const target = fc.record({ op: fc.constant("target" as const), pick: fc.nat(), month, value: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }) });
const renameIndicator = fc.record({ op: fc.constant("renameIndicator" as const), pick: fc.nat(), name: fc.constantFrom("Persentase sampel", "Indeks kepuasan", "Nilai kinerja") });
const renameObjective = fc.record({ op: fc.constant("renameObjective" as const), pick: fc.nat(), name: fc.constantFrom("Sasaran baru", "Sasaran revisi") });
const sign = fc.record({ op: fc.constant("sign" as const), day: fc.integer({ min: 1, max: 28 }) });
// `toAllocated`: the pagu lowered exactly to what its contributions take, the edge of LINE_OVER_ALLOCATED.
const pagu = fc.record({ op: fc.constant("pagu" as const), pick: fc.nat(), delta: fc.integer({ min: -20_000_000, max: 20_000_000 }), toAllocated: fc.boolean() });
const contribution = fc.record({ op: fc.constant("contribution" as const), indicator: fc.nat(), line: fc.nat(), share: fc.double({ min: 0, max: 0.6, noNaN: true }) });
const ceiling = fc.record({ op: fc.constant("ceiling" as const), delta: fc.integer({ min: -10_000_000, max: 30_000_000 }) });
const realisation = fc.record({ op: fc.constant("realisation" as const), pick: fc.nat(), month, value: fc.integer({ min: 0, max: 120 }) });
const spending = fc.record({ op: fc.constant("spending" as const), pick: fc.nat(), month, share: fc.double({ min: 0, max: 0.3, noNaN: true }) });

/** The ops each kind of revision carries (docs/domain.md, Revisions). */
const OPS: Record<Exclude<RevisionKind, "draft" | "roster">, fc.Arbitrary<Op>> = {
  rapk: fc.oneof(target, target, renameIndicator, renameObjective, contribution, sign),
  pok: fc.oneof(pagu, contribution),
  dipa: fc.oneof(ceiling, pagu, contribution),
  report: fc.oneof(realisation, spending),
};
const anyOp: fc.Arbitrary<Op> = fc.oneof(...Object.values(OPS));

export interface Intent {
  readonly ops: readonly Op[];
  readonly kind: RevisionKind;
  /** Hours after the previous revision. */
  readonly hours: number;
}

const hours = fc.integer({ min: 0, max: 24 * 40 });

/**
 * A revision as someone means it: mostly ops of one kind under that kind, sometimes (1 in 8) any
 * ops under any kind, so that refusals (kind mismatch, draft after signing) happen too.
 */
export const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  {
    weight: 7,
    arbitrary: fc
      .constantFrom("rapk", "pok", "dipa", "report" as const)
      .chain((kind) => fc.record({ ops: fc.array(OPS[kind], { minLength: 1, maxLength: 4 }), kind: fc.constant<RevisionKind>(kind), hours })),
  },
  { weight: 1, arbitrary: fc.record({ ops: fc.array(anyOp, { minLength: 1, maxLength: 4 }), kind: fc.constantFrom<RevisionKind>("draft", "pok", "dipa", "rapk", "report"), hours }) },
);

const pick = <T>(items: readonly T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);

/** Turns an intent into commands against a state; ops that have nothing to act on are dropped. */
export function commandsFor(intent: Intent, state: PlanState): { kind: RevisionKind; commands: unknown[] } {
  const indicators = Object.keys(state.indicators).sort();
  const objectives = Object.keys(state.objectives).sort();
  const lines = Object.keys(state.lines).sort();
  const commands: unknown[] = [];
  for (const op of intent.ops) {
    switch (op.op) {
      case "target": {
        const indicator = pick(indicators, op.pick);
        if (indicator) commands.push({ type: "setTarget", data: { indicator, month: op.month, value: op.value } });
        break;
      }
      case "renameIndicator": {
        const indicator = pick(indicators, op.pick);
        if (indicator) commands.push({ type: "renameIndicator", data: { indicator, name: op.name } });
        break;
      }
      case "renameObjective": {
        const code = pick(objectives, op.pick);
        if (code) commands.push({ type: "renameObjective", data: { code, name: op.name } });
        break;
      }
      case "pagu": {
        const line = pick(lines, op.pick);
        const current = line ? state.lines[line]?.pagu ?? 0 : 0;
        const allocated = line ? Object.values(state.contributions).reduce((sum, row) => sum + (row[line] ?? 0), 0) : 0;
        const wanted = op.toAllocated && allocated > 0 ? allocated : Math.max(0, current + op.delta);
        if (line && wanted !== current) commands.push({ type: "reviseBudget", data: { line, pagu: wanted } });
        break;
      }
      case "contribution": {
        const indicator = pick(indicators, op.indicator);
        const line = pick(lines, op.line);
        if (indicator && line) commands.push({ type: "allocateContribution", data: { indicator, line, amount: Math.floor((state.lines[line]?.pagu ?? 0) * op.share) } });
        break;
      }
      case "ceiling":
        if (state.plan) commands.push({ type: "reviseCeiling", data: { ceiling: Math.max(0, state.plan.ceiling + op.delta) } });
        break;
      case "realisation": {
        const indicator = pick(indicators, op.pick);
        if (indicator) commands.push({ type: "reportRealisation", data: { indicator, month: op.month, value: op.value } });
        break;
      }
      case "spending": {
        const line = pick(lines, op.pick);
        if (line) commands.push({ type: "reportSpending", data: { line, month: op.month, amount: Math.floor((state.lines[line]?.pagu ?? 0) * op.share) } });
        break;
      }
      case "sign":
        commands.push({ type: "signPlan", data: { place: "Rejang Lebong", date: `2024-03-${String(op.day).padStart(2, "0")}`, name: null, title: "Kepala Loka POM" } });
        break;
    }
  }
  return { kind: intent.kind, commands };
}

export interface Story {
  readonly log: StoredEvent[];
  /** The event batches as accepted, version by version. */
  readonly batches: StoredEvent[][];
  /** How many intents were refused (they leave no trace in the log). */
  readonly refused: number;
}

const START = Date.parse("2024-02-22T02:00:00Z");

/** Hours after the start, written in WIB as a log would be. */
export function wib(hours: number): string {
  const local = new Date(START + hours * 3_600_000 + 7 * 3_600_000).toISOString();
  return `${local.slice(0, 19)}+07:00`;
}

/** A random log: a draft and revisions, each refused or appended as it comes. */
export const storyArb: fc.Arbitrary<Story> = fc.record({ draft: draftArb, intents: fc.array(intentArb, { maxLength: 8 }) }).map(({ draft, intents }) => {
  let log: StoredEvent[] = [];
  const batches: StoredEvent[][] = [];
  let refused = 0;
  let hours = 0;
  const first = appendRevision(log, { meta: { actor: "Tim Perencanaan", reason: "draft", kind: "draft", at: wib(0) }, commands: draft });
  if (!first.ok) throw new Error(`generated draft refused: ${first.error.code}: ${first.error.message}`);
  log = [...first.events];
  batches.push(first.events);
  let state = stateAfter(log);
  for (const intent of intents) {
    hours += intent.hours;
    const { kind, commands } = commandsFor(intent, state);
    if (commands.length === 0) continue;
    const result = appendRevision(log, { meta: { actor: "Tim Perencanaan", reason: `${kind} ${batches.length + 1}`, reference: `ND ${batches.length + 1}/2024`, kind, at: wib(hours) }, commands });
    if (!result.ok) {
      refused += 1;
      continue;
    }
    log = [...log, ...result.events];
    batches.push(result.events);
    state = stateAfter(result.events, state);
  }
  return { log, batches, refused };
});

/** A state of a random story: its head or the state after one of its versions. */
export const stateArb: fc.Arbitrary<PlanState> = fc.tuple(storyArb, fc.nat()).map(([story, n]) => {
  const upTo = n % (story.batches.length + 1);
  return stateAfter(story.batches.slice(0, upTo).flat(), initialState());
});
