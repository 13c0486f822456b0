import { getInMemoryEventStore } from "@event-driven-io/emmett";
import { type PlanEvent, type PlanState, evolve, initialState, stateAfter } from "@rapk/core";
// Core does not export its fold's internals; the benchmark reaches into the source (bundled by
// tsup) to give Emmett the very same apply-in-place that rapk's replay runs.
import { applyEvent } from "../../../core/src/applyEvent.js";
import { draftOf } from "../../../core/src/planDraft.js";
import { isDeepStrictEqual } from "node:util";
import { type HistoryShape, SHAPES, generateHistory } from "../generate.js";
import { paired } from "../measure.js";
import { type Row, goalRow, ms, times } from "../report.js";

/** Runs `once` `count` times, so that one timing is long enough to be read reliably. */
const repeat = (count: number, once: () => unknown) => async () => {
  for (let i = 0; i < count; i++) await once();
};

/**
 * Replaying already-loaded events: rapk's `replay` against Emmett's in-memory event store
 * (`aggregateStream` with an evolve and an initial state), given rapk's public `evolve` (a
 * frozen state per event) and given a mutating evolve (the fastest a fold can be).
 */
export async function emmettSuite(log: (message: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [label, shape, count] of [
    ["unit", SHAPES.unit, 20],
    ["office", SHAPES.office, 2],
  ] as const satisfies readonly (readonly [string, HistoryShape, number])[]) {
    const batches = generateHistory(shape);
    const events: PlanEvent[] = batches.flatMap((batch) => batch.events);
    const store = getInMemoryEventStore();
    const stream = `plan-${label}`;
    for (const batch of batches)
      await store.appendToStream(stream, batch.events.map((event) => ({ type: event.type, data: event.data, metadata: { ...batch.meta } })));
    const immutable = { evolve: (state: PlanState, event: PlanEvent) => evolve(state, event), initialState };
    // One draft changed in place for the whole stream, no copy per event, no freezing: what a
    // hand-written mutating fold does, with rapk's own apply.
    let draft = draftOf(initialState());
    const mutating = {
      evolve: (_state: PlanState, event: PlanEvent) => {
        applyEvent(draft, event);
        return draft.state;
      },
      initialState: () => {
        draft = draftOf(initialState());
        return draft.state;
      },
    };
    const ours = stateAfter(events);
    for (const options of [immutable, mutating]) {
      const theirs = await store.aggregateStream<PlanState, PlanEvent>(stream, options);
      if (!isDeepStrictEqual(theirs.state, ours)) throw new Error(`Emmett's ${label} state differs from rapk's replay`);
    }
    log(`emmett: ${label} history, ${events.length} events; timing`);
    const withEvolve = await paired(repeat(count, () => stateAfter(events)), repeat(count, () => store.aggregateStream(stream, immutable)), { warmup: 1, rounds: 5 });
    const withMutating = await paired(repeat(count, () => stateAfter(events)), repeat(count, () => store.aggregateStream(stream, mutating)), { warmup: 1, rounds: 5 });
    const per = (value: number) => value / count;
    rows.push(
      {
        name: `replay ${events.length} events: rapk vs Emmett + rapk evolve (${label})`,
        measured: `${ms(per(withEvolve.baseline))} vs ${ms(per(withEvolve.subject))}`,
        goal: "rapk >= 5x faster",
        ratio: withEvolve.ratio,
        pass: withEvolve.ratio >= 5,
        figures: { events: events.length, rapkMs: per(withEvolve.baseline), emmettMs: per(withEvolve.subject), speedup: withEvolve.ratio },
      },
      label === "office"
        ? goalRow("emmett", withMutating.ratio, `${ms(per(withMutating.baseline))} vs ${ms(per(withMutating.subject))} (${times(withMutating.ratio)})`, { events: events.length, rapkMs: per(withMutating.baseline), emmettMs: per(withMutating.subject), speedup: withMutating.ratio })
        : {
            name: `replay ${events.length} events: rapk vs Emmett + mutating evolve (${label})`,
            measured: `${ms(per(withMutating.baseline))} vs ${ms(per(withMutating.subject))}`,
            goal: "report",
            ratio: withMutating.ratio,
            figures: { events: events.length, rapkMs: per(withMutating.baseline), emmettMs: per(withMutating.subject), speedup: withMutating.ratio },
          },
    );
  }
  return rows;
}
