import { rawCommand } from "@rapk/core/testing";
import { planCommand } from "@rapk/core";
import type { PlanCommand } from "@rapk/core";
import fc from "fast-check";
import type { RevisionKind } from "@rapk/core";

/**
 * Generators of plans and of what people (and broken tools) ask of them. Ids come from small
 * pools so commands often hit what exists and sometimes what does not; amounts are on the scale
 * of the pagu so over-allocation, overspending and a broken ceiling happen often.
 */

export const OBJECTIVES = ["01", "03", "04", "09"] as const;
const INDICATOR_CODES = ["01", "02", "07"] as const;
export const INDICATORS = OBJECTIVES.flatMap((o) => INDICATOR_CODES.map((c) => `${o}.${c}`));
export const LINES = [
  "DR.3165.QIA.005.053.A",
  "DR.3165.QIA.001.055.A",
  "DR.3165.QIC.004.053.F",
  "WA.6384.EBA.994.001.A",
  "DR.3165.PDD.001.054.C",
] as const;

export const KINDS = ["draft", "pok", "dipa", "rapk", "report", "roster"] as const satisfies readonly RevisionKind[];

export function lineParts(id: string) {
  const parts = id.split(".");
  return {
    output: { code: parts.slice(0, 4).join("."), name: `RO ${parts.slice(0, 4).join(".")}` },
    component: { code: parts[4]!, name: `Komponen ${parts[4]}` },
    subComponent: { code: parts[5]!, name: `Sub komponen ${parts[5]}` },
  };
}

/** Whole Rupiah, mostly in millions (the seed's scale), with the edges 0 and 1 and an occasional large figure. */
export const money = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 200 }).map((n) => n * 1_000_000) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 70_412_160, 125_736_000) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_000_000_000_000 }) },
);

/** What no Rupiah field may hold. */
export const badMoney = fc.constantFrom<unknown>(-1, -70_412_160, 0.5, 70_412_160.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Number.POSITIVE_INFINITY, "70412160", null);

const maybeBadMoney = fc.oneof({ weight: 9, arbitrary: money as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: badMoney });

export const month = fc.integer({ min: 1, max: 12 });
const maybeBadMonth = fc.oneof({ weight: 9, arbitrary: month as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: fc.constantFrom<unknown>(0, 13, 1.5, -1, "B01") });

/** A target cell: a percentage with two decimals, or blank. */
export const target = fc.option(fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100), { nil: null, freq: 8 });

/** Twelve cells that never go down, with blanks in any month (about one in eight), like 04.01's 2.52, 7.33, ... 50. */
export const cumulativeTargets = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 12, maxLength: 12 }).chain((values) => {
  const sorted = [...values].sort((a, b) => a - b).map((n) => n / 100);
  return fc.array(fc.nat(7), { minLength: 12, maxLength: 12 }).map((dice) => sorted.map((v, i) => (dice[i] === 0 ? null : v)));
});

/** Any twelve cells (a cumulative indicator given these may go down). */
export const anyTargets = fc.array(target, { minLength: 12, maxLength: 12 });

const badTargets = fc.constantFrom<unknown>(
  Array(11).fill(1),
  Array(13).fill(1),
  [...Array(11).fill(1), -1],
  [...Array(11).fill(1), Number.NaN],
  [...Array(11).fill(1), "99.3"],
  [...Array(11).fill(1), Number.POSITIVE_INFINITY],
);

export const shape = fc.constantFrom("constant", "cumulative", "stepped", "year-end");
export const UNITS = ["percent", "level", "index", "score"] as const;
export const DIRECTIONS = ["higher", "lower"] as const;
const unit = fc.constantFrom(...UNITS);
const direction = fc.constantFrom(...DIRECTIONS);

const objective = fc.constantFrom(...OBJECTIVES);
const indicator = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...INDICATORS) }, { weight: 1, arbitrary: fc.constantFrom("1.1", "", "01-01") });
const line = fc.oneof({ weight: 9, arbitrary: fc.constantFrom<string>(...LINES) }, { weight: 1, arbitrary: fc.constantFrom("dr.3165", "DR.3165.QIA.005", "") });
const name = fc.constantFrom("Persentase Obat yang memenuhi syarat", "Tingkat Efektifitas KIE Obat dan Makanan", "Nilai Kinerja Anggaran");

const signature = fc.record({
  place: fc.constant("Rejang Lebong"),
  date: fc.constantFrom("2024-02-22", "2024-07-01"),
  name: fc.constantFrom(null, "Kepala Loka"),
  title: fc.constant("Kepala Loka POM di Kabupaten Rejang Lebong"),
});

const realisation = fc
  .record({
    indicator,
    month: maybeBadMonth,
    denominator: fc.integer({ min: 1, max: 50 }),
    numerator: fc.nat(60),
    mode: fc.constantFrom("value", "ratio", "wrong-ratio", "half-ratio", "half-ratio", "at-tolerance", "past-tolerance"),
  })
  .map(({ indicator, month, denominator, numerator, mode }) => {
    const exact = Math.round((numerator / denominator) * 10_000) / 100;
    // The published two decimals may be off by half a hundredth (0.005) and no more.
    const off = (by: number) => Math.max(0, (numerator / denominator) * 100 + by);
    if (mode === "value") return { indicator, month, value: exact };
    if (mode === "ratio") return { indicator, month, value: exact, numerator, denominator };
    if (mode === "wrong-ratio") return { indicator, month, value: exact + 1, numerator, denominator };
    if (mode === "at-tolerance") return { indicator, month, value: off(numerator % 2 === 0 ? 0.005 : -0.005), numerator, denominator };
    if (mode === "past-tolerance") return { indicator, month, value: off(0.0051), numerator, denominator };
    return { indicator, month, value: exact, numerator };
  });

const memberId = fc.oneof({ weight: 9, arbitrary: fc.constantFrom("kepala", "siti") }, { weight: 1, arbitrary: fc.constantFrom("Kepala", "", "a b") });
const role = fc.oneof({ weight: 9, arbitrary: fc.constantFrom("head", "officer", "verifier", "auditor") }, { weight: 1, arbitrary: fc.constant("treasurer") });
const publicKey = fc.oneof({ weight: 9, arbitrary: fc.constantFrom("a".repeat(64), "b".repeat(64), "c".repeat(64)) }, { weight: 1, arbitrary: fc.constant("A".repeat(64)) });

// The roster: a few members and keys, so that ids and keys collide and the last head goes.
const rosterCommand: fc.Arbitrary<PlanCommand> = fc.oneof(
  fc.record({ member: memberId, name, role: fc.oneof(fc.constant("head"), role), publicKey }).map((data) => ({ type: "addMember", data })),
  fc.record({ member: memberId, role }).map((data) => ({ type: "changeMemberRole", data })),
  fc.record({ member: memberId, publicKey }).map((data) => ({ type: "rekeyMember", data })),
  fc.record({ member: memberId }).map((data) => ({ type: "removeMember", data })),
).map(rawCommand);

/** One command as a person or a tool might send it: valid in shape, or not, or not even a command. */
// Commands as a program might send them, some malformed on purpose: decide validates each.
export const command: fc.Arbitrary<PlanCommand> = fc.oneof(
  fc.record({ unit: fc.constant("Loka POM"), agency: fc.constant("BPOM"), year: fc.constant(2024), ceiling: maybeBadMoney }).map((data) => ({ type: "draftPlan", data })),
  fc.record({ code: fc.constantFrom(...OBJECTIVES, "05"), name }).map((data) => ({ type: "defineObjective", data })),
  fc.record({ code: objective, name }).map((data) => ({ type: "renameObjective", data })),
  fc
    .record({ objective, code: fc.constantFrom(...INDICATOR_CODES), name, unit, direction, shape })
    .map((data) => ({ type: "defineIndicator", data })),
  fc.record({ indicator, name }).map((data) => ({ type: "renameIndicator", data })),
  fc
    .record({ indicator, month: maybeBadMonth, value: fc.oneof({ weight: 9, arbitrary: target as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: fc.constantFrom<unknown>(-1, Number.NaN, "50") }) })
    .map((data) => ({ type: "setTarget", data })),
  fc
    .record({ indicator, values: fc.oneof(cumulativeTargets as fc.Arbitrary<unknown>, anyTargets, badTargets) })
    .map((data) => ({ type: "setTargets", data })),
  fc.record({ id: fc.constantFrom(...LINES), pagu: maybeBadMoney }).map(({ id, pagu }) => (rawCommand({ type: "registerBudgetLine", data: { ...lineParts(id), pagu } }))),
  fc.record({ line, pagu: maybeBadMoney }).map((data) => ({ type: "reviseBudget", data })),
  fc.record({ ceiling: fc.oneof(money.map((m) => m * 3) as fc.Arbitrary<unknown>, badMoney) }).map((data) => ({ type: "reviseCeiling", data })),
  fc.record({ indicator, line, amount: maybeBadMoney }).map((data) => ({ type: "allocateContribution", data })),
  signature.map((data) => ({ type: "signPlan", data })),
  realisation.map((data) => ({ type: "reportRealisation", data })),
  fc.record({ line, month: maybeBadMonth, amount: maybeBadMoney }).map((data) => ({ type: "reportSpending", data })),
  fc.constantFrom<unknown>(null, "draftPlan", rawCommand({ type: "deletePlan", data: {} }), { type: "reviseBudget" }, { data: { line: LINES[0], pagu: 1 } }),
).map(rawCommand);

/**
 * Steps whose figures depend on the state they meet, so they land exactly on an edge (one
 * Rupiah under, at or over a limit) or lower a pagu and reallocate in the same batch.
 */
export type EdgeStep =
  | { edge: "allocate"; indicatorPick: number; linePick: number; delta: number }
  | { edge: "spend"; linePick: number; month: number; delta: number }
  | { edge: "ceiling"; delta: number }
  | { edge: "pagu"; linePick: number; delta: number }
  | { edge: "cumulative"; indicatorPick: number; month: number; delta: number }
  | { edge: "lowerAndReallocate"; linePick: number; percent: number; reallocate: boolean }
  | { edge: "ratio"; indicatorPick: number; month: number; numerator: number; denominator: number; off: number };

export type Step = { readonly kind: RevisionKind | undefined } & ({ readonly commands: readonly PlanCommand[] } | { readonly edgeStep: EdgeStep });

const delta = fc.constantFrom(-1, 0, 1);
const pick = fc.nat(50);
export const edgeStep: fc.Arbitrary<EdgeStep> = fc.oneof(
  fc.record({ edge: fc.constant("allocate" as const), indicatorPick: pick, linePick: pick, delta }),
  fc.record({ edge: fc.constant("spend" as const), linePick: pick, month, delta }),
  fc.record({ edge: fc.constant("ceiling" as const), delta }),
  fc.record({ edge: fc.constant("pagu" as const), linePick: pick, delta }),
  fc.record({ edge: fc.constant("cumulative" as const), indicatorPick: pick, month, delta: fc.constantFrom(-0.01, 0, 0.01) }),
  fc.record({ edge: fc.constant("lowerAndReallocate" as const), linePick: pick, percent: fc.integer({ min: 0, max: 99 }), reallocate: fc.boolean() }),
  // A realisation whose value is its ratio off by exactly the tolerance (0.005) or just past it.
  fc.record({
    edge: fc.constant("ratio" as const),
    indicatorPick: pick,
    month,
    numerator: fc.nat(60),
    denominator: fc.integer({ min: 1, max: 50 }),
    off: fc.constantFrom(0.005, -0.005, 0.0051, -0.0051),
  }),
);

// Mostly the default kind, so that most commands get as far as the invariants.
const kind: fc.Arbitrary<RevisionKind | undefined> = fc.oneof(
  { weight: 5, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constant("draft" as const) },
  { weight: 3, arbitrary: fc.constantFrom(...KINDS) },
);

export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind, commands: fc.array(command, { minLength: 1, maxLength: 3 }) }) },
  { weight: 4, arbitrary: fc.record({ kind, edgeStep }) },
  // A roster founded by its head, then changed: later ones meet the members of earlier ones.
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom(undefined, "roster" as const, "roster" as const),
      commands: fc.array(rosterCommand, { maxLength: 2 }).map((rest) => [rawCommand({ type: "addMember", data: { member: "kepala", name: "Kepala", role: "head", publicKey: "a".repeat(64) } }), ...rest]),
    }),
  },
);

export interface PlanSetup {
  readonly commands: readonly PlanCommand[];
}

const indicatorSpec = fc.record({
  id: fc.constantFrom(...INDICATORS),
  unit,
  direction,
  planned: shape.chain((s) => (s === "cumulative" ? cumulativeTargets : anyTargets).map((targets) => ({ shape: s, targets }))),
  // its weight in each line's allocation, by position in LINES
  weights: fc.array(fc.nat(10), { minLength: LINES.length, maxLength: LINES.length }),
});

const lineSpec = fc.record({
  id: fc.constantFrom(...LINES),
  pagu: money,
  /** Percent of the pagu allocated to indicators (often all of it, to the Rupiah), and spent over January and February. */
  fill: fc.oneof({ weight: 1, arbitrary: fc.constant(100) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 100 }) }),
  spend: fc.integer({ min: 0, max: 100 }),
});

/** A sound plan by construction: every line allocated within its pagu, the pagu within the ceiling, cumulative targets rising. */
export const planSetup: fc.Arbitrary<PlanSetup> = fc
  .record({
    indicators: fc.uniqueArray(indicatorSpec, { minLength: 1, maxLength: 5, selector: (i) => i.id }),
    lines: fc.uniqueArray(lineSpec, { minLength: 1, maxLength: 4, selector: (l) => l.id }),
    slack: fc.oneof(fc.constant(0), money),
    signed: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))),
  })
  .map((p) => {
    const commands: PlanCommand[] = [];
    const total = p.lines.reduce((sum, l) => sum + l.pagu, 0);
    commands.push(planCommand("draftPlan", { unit: "Loka POM di Kabupaten Rejang Lebong", agency: "Badan Pengawas Obat dan Makanan", year: 2024, ceiling: total + p.slack }));
    for (const o of new Set(p.indicators.map((i) => i.id.split(".")[0]!))) commands.push(planCommand("defineObjective", { code: o, name: `Sasaran ${o}` }));
    for (const i of p.indicators) {
      const [objective, code] = i.id.split(".") as [string, string];
      commands.push(planCommand("defineIndicator", { objective, code, name: `Indikator ${i.id}`, unit: i.unit, direction: i.direction, shape: i.planned.shape }));
      commands.push(planCommand("setTargets", { indicator: i.id, values: i.planned.targets }));
    }
    for (const l of p.lines) {
      const j = LINES.indexOf(l.id);
      commands.push(planCommand("registerBudgetLine", { ...lineParts(l.id), pagu: l.pagu }));
      const weightTotal = p.indicators.reduce((sum, i) => sum + i.weights[j]!, 0);
      const drawing = p.indicators.filter((i) => i.weights[j] !== 0);
      // floor keeps the sum within the pagu; BigInt keeps a trillion-Rupiah pagu exact. A line
      // filled to 100 % gives the floors' remainder to its last indicator: allocated to the Rupiah.
      const amounts = drawing.map((i) => (BigInt(l.pagu) * BigInt(l.fill) * BigInt(i.weights[j]!)) / BigInt(100 * weightTotal));
      if (l.fill === 100 && amounts.length > 0) amounts[amounts.length - 1]! += BigInt(l.pagu) - amounts.reduce((a, b) => a + b, 0n);
      drawing.forEach((i, k) => commands.push(planCommand("allocateContribution", { indicator: i.id, line: l.id, amount: Number(amounts[k]) })));
      const spent = Number((BigInt(l.pagu) * BigInt(l.spend)) / 100n);
      const half = Math.floor(spent / 2);
      commands.push(planCommand("reportSpending", { line: l.id, month: 1, amount: half }), planCommand("reportSpending", { line: l.id, month: 2, amount: spent - half }));
    }
    if (p.signed) commands.push(planCommand("signPlan", { place: "Rejang Lebong", date: "2024-02-22", name: null, title: "Kepala Loka" }));
    return { commands };
  });

export const scenario = fc.record({ setup: planSetup, steps: fc.array(step, { maxLength: 10 }) });
export type Scenario = { readonly setup: PlanSetup; readonly steps: readonly Step[] };

/** How many runs a property makes; RAPK_PROPERTY_RUNS overrides (e.g. for a quick check). */
export const runs = { numRuns: Number(process.env.RAPK_PROPERTY_RUNS) || 1000 };

/** A property at 1000 runs takes a second or two on an idle machine; a busy one needs room. */
export const PROPERTY_TIMEOUT = 120_000;
