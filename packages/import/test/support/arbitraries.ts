import type { PlanCommand } from "@rapk/core";
import fc from "fast-check";

// Characters that stress the CSV: separators, quotes, formula starters, apostrophes. (A line break or
// a tab in a name is refused by core's gate, so none is generated.)
const tricky = fc.constantFrom(",", '"', "=", "+", "-", "@", "'", "#", " ", ";", "é", "–", "漢");
const letter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

/** A name as core accepts it: trimmed, not empty. */
export const name = fc
  .array(fc.oneof({ weight: 4, arbitrary: letter }, { weight: 1, arbitrary: tricky }), { minLength: 1, maxLength: 24 })
  .map((chars) => chars.join("").trim())
  .filter((s) => s.length > 0);

const code2 = fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(2, "0"));
const upperAlnum = (length: number) => fc.array(fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), { minLength: length, maxLength: length }).map((a) => a.join(""));
const outputCode = fc
  .tuple(fc.array(fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"), { minLength: 2, maxLength: 2 }), fc.integer({ min: 0, max: 9999 }), upperAlnum(3), upperAlnum(3))
  .map(([p, a, k, r]) => `${p.join("")}.${String(a).padStart(4, "0")}.${k}.${r}`);
const componentCode = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, "0"));
const subCode = fc.integer({ min: 1, max: 3 }).chain(upperAlnum);

// Targets as published (two decimals) and as any double JavaScript might write in exponent form.
const target = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100),
  fc.double({ min: 0, max: 1e30, noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v)),
);

const indicatorArb = fc.record({
  code: code2,
  name,
  unit: fc.constantFrom("percent", "level", "index", "score", "count" as const),
  direction: fc.constantFrom("higher", "lower" as const),
  shape: fc.constantFrom("constant", "cumulative", "stepped", "year-end" as const),
  targets: fc.array(target, { minLength: 12, maxLength: 12 }),
});

const lineArb = fc.record({
  output: fc.record({ code: outputCode, name }),
  component: fc.record({ code: componentCode, name }),
  subComponent: fc.record({ code: subCode, name }),
  pagu: fc.integer({ min: 0, max: 1_000_000_000_000 }),
});

const isoDate = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/**
 * A plan built with core's commands: objectives (some without indicators or display number),
 * indicators with any targets (sorted where cumulative), budget lines (some drawn on by no
 * indicator), contributions within each line's pagu, a ceiling over all pagu, maybe signed.
 */
export const planCommands: fc.Arbitrary<PlanCommand[]> = fc
  .record({
    unit: name,
    agency: name,
    year: fc.integer({ min: 2000, max: 2100 }),
    title: fc.option(name, { nil: undefined }),
    spare: fc.integer({ min: 0, max: 1_000_000 }),
    objectives: fc.uniqueArray(
      fc.record({ code: code2, name, number: fc.option(fc.integer({ min: 1, max: 999 }), { nil: undefined }), indicators: fc.uniqueArray(indicatorArb, { maxLength: 3, selector: (i) => i.code }) }),
      { maxLength: 4, selector: (o) => o.code },
    ),
    lines: fc.uniqueArray(lineArb, { maxLength: 5, selector: (l) => `${l.output.code}.${l.component.code}.${l.subComponent.code}` }),
    shares: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 12 }),
    signature: fc.option(fc.record({ place: name, date: isoDate, title: name, name: fc.option(name, { nil: null }) }), { nil: undefined }),
  })
  .map((p) => {
    const ceiling = p.lines.reduce((sum, l) => sum + l.pagu, 0) + p.spare;
    const commands: PlanCommand[] = [{ type: "draftPlan", data: { unit: p.unit, agency: p.agency, year: p.year, ceiling, ...(p.title ? { title: p.title } : {}) } }];
    const indicatorIds: string[] = [];
    for (const o of p.objectives) {
      commands.push({ type: "defineObjective", data: { code: o.code, name: o.name, ...(o.number ? { number: o.number } : {}) } });
      for (const i of o.indicators) {
        // A count's targets are whole numbers, in the CSV as in the table.
        const targets = i.unit === "count" ? i.targets.map((t) => (t === null ? null : Math.floor(t))) : i.targets;
        const values = i.shape === "cumulative" ? [...targets].sort((a, b) => (a ?? 0) - (b ?? 0)).map((v, k, all) => (v === null ? null : Math.max(v, ...all.slice(0, k).map((x) => x ?? 0)))) : targets;
        commands.push({ type: "defineIndicator", data: { objective: o.code, code: i.code, name: i.name, unit: i.unit, direction: i.direction, shape: i.shape } });
        commands.push({ type: "setTargets", data: { indicator: `${o.code}.${i.code}`, values } });
        indicatorIds.push(`${o.code}.${i.code}`);
      }
    }
    const left = p.lines.map((l) => l.pagu);
    for (const l of p.lines) commands.push({ type: "registerBudgetLine", data: l });
    const given = new Set<string>();
    for (const [i, l, share] of p.shares) {
      if (indicatorIds.length === 0 || p.lines.length === 0) break;
      const indicator = indicatorIds[i % indicatorIds.length] as string;
      const index = l % p.lines.length;
      const line = p.lines[index] as (typeof p.lines)[number];
      const id = `${line.output.code}.${line.component.code}.${line.subComponent.code}`;
      const amount = Math.floor((left[index] as number) * share);
      if (amount === 0 || given.has(`${indicator} ${id}`)) continue;
      given.add(`${indicator} ${id}`);
      left[index] = (left[index] as number) - amount;
      commands.push({ type: "allocateContribution", data: { indicator, line: id, amount } });
    }
    if (p.signature) commands.push({ type: "signPlan", data: p.signature });
    return commands;
  });
