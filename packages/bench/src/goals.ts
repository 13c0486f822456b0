/**
 * The goals of issue 12, one entry each: the row `pnpm bench --json` keeps for it and the line
 * docs/performance.md's table shows. A suite reports a measurement under a goal's id; a goal
 * whose suite ran but gave no measurement (a part missing, a path not built yet) is a miss, so
 * `--strict` fails on it.
 */
export interface Goal {
  readonly id: string;
  /** The suite (`--only` name) that measures it. */
  readonly suite: string;
  /** What is measured, in words. */
  readonly what: string;
  /** The goal in words. */
  readonly goal: string;
  /** Which figure the goal is about: a ratio (x the floor), a p99 or p95 in ms, a median in ms. */
  readonly figure: "ratio" | "p99Ms" | "p95Ms" | "medianMs";
  /** Whether a measured figure meets the goal; none when the goal only reports. */
  readonly meets?: (value: number) => boolean;
}

const atMost = (limit: number) => (value: number) => value <= limit;
const atLeast = (limit: number) => (value: number) => value >= limit;

export const GOALS: readonly Goal[] = [
  { id: "replay", suite: "replay", what: "replay of 1M lines by the one log reader (history foldLog: read, parse, validate, fold, keep only the plan) vs JSON.parse of the same lines", goal: "<= 1.5x", figure: "ratio", meets: atMost(1.5) },
  { id: "log-reader", suite: "replay", what: "the one log reader (history parseLog: parse, validate, keep) on the same 1M lines vs JSON.parse", goal: "<= 2.0x", figure: "ratio", meets: atMost(2) },
  { id: "log-reader-hashed", suite: "replay", what: "the log reader, hashing every line (node:crypto, as the CLI) and folding the plan (verifyLog) on the same 1M lines vs JSON.parse", goal: "<= 2.0x", figure: "ratio", meets: atMost(2) },
  { id: "diff-year", suite: "diff", what: "diff, plan as signed vs a year later (2,000 indicators, 5,000 lines)", goal: "<= 20 ms", figure: "medianMs", meets: atMost(20) },
  { id: "diff-month", suite: "diff", what: "diff, one month's report vs the month before", goal: "<= 20 ms", figure: "medianMs", meets: atMost(20) },
  { id: "time-travel-seq", suite: "time-travel", what: "time travel to any event (stateAtSeq), 100k events", goal: "p99 <= 2 ms", figure: "p99Ms", meets: atMost(2) },
  { id: "time-travel-version", suite: "time-travel", what: "time travel to a version (stateAt), 100k events", goal: "p99 <= 2 ms (keep)", figure: "p99Ms", meets: atMost(2) },
  { id: "emmett", suite: "emmett", what: "replay 5,597 events: how many times faster rapk's replay is than Emmett's aggregateStream given the same mutating evolve", goal: ">= 2x faster", figure: "ratio", meets: atLeast(2) },
  ...(["verify", "show", "diff"] as const).flatMap((command) => [
    { id: `process-${command}-cold`, suite: "process", what: `\`rapk ${command === "diff" ? "diff --from 1 --to last" : command}\` on a 1M-event log, cold (no snapshot), vs node reading + JSON.parse line by line`, goal: "<= 2.5x", figure: "ratio" as const, meets: atMost(2.5) },
    { id: `process-${command}-warm`, suite: "process", what: `\`rapk ${command === "diff" ? "diff --from 1 --to last" : command}\` on the same log, warm (snapshot beside it), vs the same floor`, goal: "<= 0.2x", figure: "ratio" as const, meets: atMost(0.2) },
  ]),
  { id: "viewer-open", suite: "viewer", what: "viewer in headless Chromium: choosing a 100k-event log to the document on screen", goal: "<= 3 s", figure: "medianMs", meets: atMost(3000) },
  { id: "viewer-open-signed", suite: "viewer", what: "viewer: the same log with every version signed (the Ed25519 code loaded and every signature checked)", goal: "<= 3 s", figure: "medianMs", meets: atMost(3000) },
  { id: "viewer-scrub", suite: "viewer", what: "viewer: scrubbing the same log, per step", goal: "p95 <= 50 ms", figure: "p95Ms", meets: atMost(50) },
  { id: "postgres-append", suite: "postgres", what: "PostgreSQL store: append one 50-event version", goal: "report", figure: "p99Ms" },
  { id: "postgres-as-of", suite: "postgres", what: "PostgreSQL store: show --as-of on a 100k-event plan (server time from EXPLAIN ANALYZE beside it)", goal: "report", figure: "medianMs" },
  { id: "postgres-rollup", suite: "postgres", what: "PostgreSQL store: rollup over 1,000 plans (server time from EXPLAIN ANALYZE beside it)", goal: "< 2 s", figure: "medianMs", meets: (value) => value < 2000 },
];

export function goalOf(id: string): Goal {
  const goal = GOALS.find((candidate) => candidate.id === id);
  if (!goal) throw new RangeError(`no goal ${id} in GOALS`);
  return goal;
}
