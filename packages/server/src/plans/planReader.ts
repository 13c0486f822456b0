import { type CommittedVersion, type History, type LogError, auditLog, openHistory, serializeVersions } from "@rapk/history";
import { checkSignature } from "@rapk/history/signing";
import { type EventStore, checkPlanId } from "@rapk/store";
import { ApiError } from "../http/apiError.js";

/** A plan read from the store at one head: its versions, its log's text, its history, and whether it verified. */
export interface ReadPlan {
  readonly plan: string;
  readonly head: string;
  readonly versions: readonly CommittedVersion[];
  /** The log as NDJSON, the lines the store holds, for a client to verify itself. */
  readonly text: string;
  /** Its versions' states and as-of; undefined for a log that does not verify. */
  readonly history: History | undefined;
  /** The first problem of the log (chain, any signature, kinds, invariants), as `rapk verify` finds it; undefined when it verified. */
  readonly problem: LogError | undefined;
}

/** What a write cut short leaves after the last commit record: a reader sees the log up to that record. */
const TAIL = new Set(["UNCOMMITTED_VERSION", "TORN_LINE"]);

/**
 * Reads plans from the store, each verified as every reading command of rapk verifies it, and
 * keeps the last reading of each plan for as long as its head does not move, so a request costs a
 * look at the head, not a replay.
 */
export class PlanReader {
  private readonly held = new Map<string, ReadPlan>();

  constructor(private readonly store: EventStore) {}

  /** The plan at its head now; 404 PLAN_NOT_FOUND for a plan the store does not hold, 400 for an id no store accepts. */
  async read(plan: string, knownHead?: string): Promise<ReadPlan> {
    try {
      checkPlanId(plan);
    } catch (error) {
      throw new ApiError(400, "PLAN_ID_INVALID", (error as Error).message);
    }
    const head = knownHead ?? (await this.store.head(plan)).head;
    const held = this.held.get(plan);
    if (held !== undefined && held.head === head) return held;
    const versions: CommittedVersion[] = [];
    for await (const version of this.store.read(plan)) versions.push(version);
    if (versions.length === 0) throw new ApiError(404, "PLAN_NOT_FOUND", `there is no plan ${plan}`);
    const text = serializeVersions(versions);
    const problem = auditLog(text, { checkSignature }).problems.find((p) => !TAIL.has(p.code));
    // A log that does not verify may not fold either: it is then shown only as its versions and lines.
    const history = problem === undefined ? openHistory(versions.flatMap((v) => v.events)) : undefined;
    const read: ReadPlan = { plan, head: (versions[versions.length - 1] as CommittedVersion).head, versions, text, history, problem };
    this.held.set(plan, read);
    return read;
  }

  /** The plan, refused (409 LOG_NOT_VERIFIED, naming the first problem) when its log does not verify. */
  async verified(plan: string): Promise<ReadPlan & { readonly history: History }> {
    const read = await this.read(plan);
    if (read.problem !== undefined || read.history === undefined)
      throw new ApiError(409, "LOG_NOT_VERIFIED", `the log of plan ${plan} does not verify: line ${read.problem?.line}: ${read.problem?.code}: ${read.problem?.message}; nothing is shown of it but its versions and its lines`);
    return read as ReadPlan & { readonly history: History };
  }
}
