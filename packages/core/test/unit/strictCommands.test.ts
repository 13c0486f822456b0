import { describe, expect, it } from "vitest";
import { PLAN_COMMAND_TYPES, PlanCommand, type PlanCommandType } from "@rapk/core";

const LINE = "DR.3165.QIA.005.053.A";
const coded = (code: string, name: string) => ({ code, name });

/** One valid command of every type, as a revision file would hold it. */
const SAMPLES: Record<PlanCommandType, Record<string, unknown>> = {
  draftPlan: { unit: "Loka POM di Kabupaten Rejang Lebong", agency: "Badan Pengawas Obat dan Makanan", year: 2024, ceiling: 4_801_300_000 },
  defineObjective: { code: "01", name: "Terwujudnya Obat dan Makanan yang memenuhi syarat", number: 1 },
  renameObjective: { code: "01", name: "Terwujudnya Obat dan Makanan yang aman" },
  defineIndicator: { objective: "01", code: "01", name: "Persentase Obat yang memenuhi syarat", unit: "percent", direction: "higher", shape: "constant" },
  renameIndicator: { indicator: "01.01", name: "Persentase Obat yang aman" },
  setTarget: { indicator: "01.01", month: 1, value: 99.3 },
  setTargets: { indicator: "01.01", values: Array(12).fill(99.3) },
  registerBudgetLine: { output: coded("DR.3165.QIA.005", "Sampel Obat"), component: coded("053", "Pengadaan sampel obat"), subComponent: coded("A", "PENGADAAN SAMPEL"), pagu: 125_736_000 },
  reviseBudget: { line: LINE, pagu: 120_736_000 },
  reviseCeiling: { ceiling: 4_900_000_000 },
  allocateContribution: { indicator: "01.01", line: LINE, amount: 70_412_160 },
  signPlan: { place: "Rejang Lebong", date: "2024-02-22", name: null, title: "Kepala LokaPOM di Kabupaten Rejang Lebong" },
  reportRealisation: { indicator: "01.01", month: 3, value: 99.5, note: "semua sampel memenuhi syarat" },
  reportSpending: { line: LINE, month: 3, amount: 10_000_000 },
  stateIndicatorBudget: { indicator: "01.01", amount: 70_412_160 },
  statePlanTotal: { amount: 4_801_300_000 },
  addMember: { member: "kepala", name: "Kepala Loka POM di Kabupaten Rejang Lebong", role: "head", publicKey: "a".repeat(64) },
  changeMemberRole: { member: "siti", role: "verifier" },
  rekeyMember: { member: "siti", publicKey: "b".repeat(64) },
  removeMember: { member: "siti" },
  requireRoles: { kind: "report", roles: ["verifier"] },
  ratifyVersions: { through: 3, head: "a".repeat(64) },
  propose: { commands: [{ type: "reportSpending", data: { line: LINE, month: 3, amount: 10_000_000 } }] },
  approveProposal: { proposal: 1 },
  returnProposal: { proposal: 1, reason: "lampirkan bukti" },
  withdrawProposal: { proposal: 1 },
};

const firstIssue = (command: unknown) => {
  const parsed = PlanCommand.safeParse(command);
  return parsed.success ? undefined : { path: parsed.error.issues[0]?.path, message: parsed.error.issues[0]?.message };
};

describe("command schemas are strict: a field they do not know is refused, never dropped", () => {
  it.each(PLAN_COMMAND_TYPES)("%s: accepts its own fields, refuses one more in data and one more beside data", (type) => {
    const data = SAMPLES[type];
    expect(firstIssue({ type, data })).toBeUndefined();
    expect(firstIssue({ type, data: { ...data, remark: "x" } })).toEqual({ path: ["data"], message: 'has an unknown field "remark"; it is refused rather than dropped' });
    expect(firstIssue({ type, data, reason: "x" })).toEqual({ path: [], message: 'has an unknown field "reason"; it is refused rather than dropped' });
  });

  it("names the field probably meant: `notes` for `note`, `nmae` for `name` inside a budget line's RO", () => {
    expect(firstIssue({ type: "reportRealisation", data: { indicator: "01.01", month: 3, value: 99.5, notes: "x" } })?.message).toBe(
      'has an unknown field "notes" (did you mean "note"?); it is refused rather than dropped',
    );
    const data = SAMPLES.registerBudgetLine as { output: object };
    expect(firstIssue({ type: "registerBudgetLine", data: { ...data, output: { ...data.output, nmae: "x" } } })).toEqual({
      path: ["data", "output"],
      message: 'has an unknown field "nmae" (did you mean "name"?); it is refused rather than dropped',
    });
  });

  it("refuses a `__proto__` key that JSON.parse made an own field", () => {
    const command = JSON.parse('{"type": "reviseCeiling", "data": {"ceiling": 1, "__proto__": {"polluted": true}}}') as unknown;
    expect(firstIssue(command)).toEqual({ path: ["data"], message: 'has an unknown field "__proto__"; it is refused rather than dropped' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
