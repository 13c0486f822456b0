import { type PlanCommand, decideBatch, initialState, stateAfter } from "@rapk/core";

/** A small plan built with core commands. */
export const SMALL_PLAN: PlanCommand[] = [
  { type: "draftPlan", data: { unit: "LOKA POM DI KABUPATEN CONTOH", agency: "BADAN PENGAWAS OBAT DAN MAKANAN", year: 2024, ceiling: 1_000_000 } },
  { type: "defineObjective", data: { code: "01", name: "Terwujudnya pengawasan", number: 1 } },
  { type: "defineObjective", data: { code: "02", name: "Objective without indicators" } },
  { type: "defineIndicator", data: { objective: "01", code: "01", name: "=HYPERLINK(\"http://x\")", unit: "percent", direction: "higher", shape: "constant" } },
  { type: "setTargets", data: { indicator: "01.01", values: [null, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] } },
  { type: "defineIndicator", data: { objective: "01", code: "02", name: "Indikator, dengan \"kutip\"; dan titik koma", unit: "score", direction: "lower", shape: "stepped" } },
  { type: "registerBudgetLine", data: { output: { code: "DR.3165.QIA.005", name: "+Sampel" }, component: { code: "053", name: "-Pengadaan" }, subComponent: { code: "A", name: "@SAMPEL" }, pagu: 500_000 } },
  { type: "registerBudgetLine", data: { output: { code: "DR.3165.QIA.005", name: "+Sampel" }, component: { code: "053", name: "-Pengadaan" }, subComponent: { code: "B", name: "'=quoted" }, pagu: 200_000 } },
  { type: "allocateContribution", data: { indicator: "01.01", line: "DR.3165.QIA.005.053.A", amount: 300_000 } },
  { type: "signPlan", data: { place: "Contoh", date: "2024-01-31", title: "Kepala", name: null } },
];

/** The state the commands make; throws if core refuses them. */
export function stateOf(commands: readonly PlanCommand[]) {
  const decided = decideBatch(commands, initialState(), { kind: "draft" });
  if (!decided.ok) throw new Error(`${decided.error.code}: ${decided.error.message}`);
  return stateAfter(decided.value);
}
