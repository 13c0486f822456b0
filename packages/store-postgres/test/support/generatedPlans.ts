import { type PlanState, stateAfter } from "@rapk/core";
import { type CommittedVersion, EMPTY_HEAD, type LogHead, headAfter, sealVersion } from "@rapk/history";
import { type Batch, SHAPES, generateHistory } from "../../../bench/src/generate.js";

/** The n-th generated plan: a Loka-sized unit of its own, with `months` of reports and Revisi POK. */
export function generatedPlan(n: number, months: number, year = 2024): { readonly id: string; readonly batches: Batch[] } {
  const unit = `Loka POM ${String(n).padStart(4, "0")}`;
  return { id: `loka-pom-${String(n).padStart(4, "0")}-${year}`, batches: generateHistory({ ...SHAPES.unit, seed: 1000 + n, unit, year, months }) };
}

/** The generator's batches sealed as a store appends them (recorded and effective when the batch says), and the state after them. */
export function sealBatches(batches: readonly Batch[]): { readonly versions: CommittedVersion[]; readonly state: PlanState } {
  let head: LogHead = EMPTY_HEAD;
  const versions = batches.map(({ meta, events }) => {
    const { at, ...rest } = meta;
    const version = sealVersion(head, events, { recordedAt: at, effectiveAt: at, ...rest });
    head = headAfter(version);
    return version;
  });
  return { versions, state: stateAfter(batches.flatMap((batch) => batch.events)) };
}
