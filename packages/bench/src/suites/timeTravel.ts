import { type PlanState, stateAfter } from "@rapk/core";
import { type StoredEvent, openHistory } from "@rapk/history";
import { SHAPES, generateHistory } from "../generate.js";
import { heapUsedMiB, percentile, time } from "../measure.js";
import { createRandom } from "../random.js";
import { type Row, goalRow, ms } from "../report.js";
import { toStoredEvents } from "../storedLog.js";

/**
 * Milliseconds of each of `count` calls of `at` on values drawn by `draw`, after a warm-up: wall
 * time, and the process's CPU time (which a shared machine's other jobs do not inflate).
 */
async function latencies(count: number, draw: () => number, at: (n: number) => unknown): Promise<number[] & { cpu: number[] }> {
  for (let i = 0; i < 200; i++) at(draw());
  const out = Object.assign([] as number[], { cpu: [] as number[] });
  for (let i = 0; i < count; i++) {
    const n = draw();
    const cpu = process.cpuUsage();
    out.push(await time(() => at(n)));
    const used = process.cpuUsage(cpu);
    out.cpu.push((used.user + used.system) / 1000);
  }
  return out;
}

/**
 * The reference history asked for: the state after every version, each folded from the one
 * before with core's replay (a plan draft shares everything the version did not touch).
 */
function statePerVersion(events: readonly StoredEvent[]): PlanState[] {
  const states: PlanState[] = [];
  let state = stateAfter([]);
  let start = 0;
  for (let i = 0; i < events.length; i++) {
    if (events[i + 1]?.version === events[i]?.version) continue;
    state = stateAfter(events.slice(start, i + 1), state);
    states.push(state);
    start = i + 1;
  }
  return states;
}

/**
 * Time travel on the agency's year (100,000 events): open the history once, then ask for the
 * state at versions drawn at random (seeded); p50, p99 and the heap the open history holds.
 */
export async function timeTravelSuite(log: (message: string) => void): Promise<Row[]> {
  const events = toStoredEvents(generateHistory(SHAPES.agency));
  log(`time travel: ${events.length} events; opening`);
  const before = heapUsedMiB();
  let history: ReturnType<typeof openHistory> | undefined;
  const openMs = await time(() => {
    history = openHistory(events);
  });
  const opened = history as ReturnType<typeof openHistory>;
  const held = heapUsedMiB() - before;
  const random = createRandom(42);
  const versions = opened.versions.length;
  log(`time travel: ${versions} versions, opened in ${ms(openMs)}; asking`);
  const byVersion = await latencies(2000, () => random.int(0, versions), (n) => opened.stateAt(n));
  // The first question inside a long version makes the states kept inside it: timed apart.
  const long = opened.versions.filter((v) => v.lastSeq - v.firstSeq + 1 > opened.checkpointInterval);
  const firstVisits: number[] = [];
  for (const version of long) firstVisits.push(await time(() => opened.stateAtSeq(version.firstSeq + 1 + random.int(0, version.lastSeq - version.firstSeq - 1))));
  const bySeq = await latencies(2000, () => random.int(0, events.length), (n) => opened.stateAtSeq(n));
  const heldVisited = heapUsedMiB() - before;
  const p50 = percentile(byVersion, 50);
  const p99 = percentile(byVersion, 99);
  history = undefined;

  log("time travel: reference, a state kept per version");
  const beforeReference = heapUsedMiB();
  let states: PlanState[] = [];
  const referenceOpenMs = await time(() => {
    states = [stateAfter([]), ...statePerVersion(events)];
  });
  const referenceHeld = heapUsedMiB() - beforeReference;
  const reference = await latencies(2000, () => random.int(0, versions), (n) => states[n]);
  return [
    goalRow("time-travel-version", p99, `p50 ${ms(p50)}, p99 ${ms(p99)} (${versions} versions); open ${ms(openMs)}, holds ${held.toFixed(0)} MiB`, { events: events.length, versions, p50Ms: p50, p99Ms: p99, maxMs: Math.max(...byVersion), openMs, heldMiB: held }),
    {
      name: "time travel, reference: a state per version (core replay)",
      measured: `p50 ${ms(percentile(reference, 50))}, p99 ${ms(percentile(reference, 99))}; open ${ms(referenceOpenMs)}, holds ${referenceHeld.toFixed(0)} MiB`,
      goal: "report",
      p99Ms: percentile(reference, 99),
      figures: { p50Ms: percentile(reference, 50), p99Ms: percentile(reference, 99), openMs: referenceOpenMs, heldMiB: referenceHeld },
    },
    goalRow(
      "time-travel-seq",
      percentile(bySeq, 99),
      `p50 ${ms(percentile(bySeq, 50))}, p99 ${ms(percentile(bySeq, 99))} (CPU p50 ${ms(percentile(bySeq.cpu, 50))}, p99 ${ms(percentile(bySeq.cpu, 99))}); a state kept every ${opened.checkpointInterval} events inside a long version, made on the first question inside it (${long.length} versions: p50 ${ms(percentile(firstVisits, 50))}, max ${ms(Math.max(...firstVisits))}); holds ${heldVisited.toFixed(0)} MiB with every version visited`,
      { p50Ms: percentile(bySeq, 50), p99Ms: percentile(bySeq, 99), maxMs: Math.max(...bySeq), cpuP50Ms: percentile(bySeq.cpu, 50), cpuP99Ms: percentile(bySeq.cpu, 99), interval: opened.checkpointInterval, firstVisitP50Ms: percentile(firstVisits, 50), firstVisitMaxMs: Math.max(...firstVisits), heldVisitedMiB: heldVisited },
    ),
  ];
}
