import type { IndicatorId, LineId } from "./codes.js";
import type { BudgetLineRegistered, IndicatorDefined, MemberAdded, ObjectiveDefined, PlanDrafted, PlanSigned, RealisationReported, RevisionProposed, SpendingReported } from "./events/index.js";
import type { Role } from "./roster/role.js";

// The parts of the state are what the events record (their zod schemas are the one statement of
// each shape), plus what only the fold knows: ids, positions, the targets as a row of twelve.

/** The plan's heading as PlanDrafted records it, with the Total the document states. */
export interface Plan extends Readonly<PlanDrafted["data"]> {
  /** The Total as the document prints it (absent: none stated); the ceiling and the lines' pagu are kept apart from it. */
  readonly statedTotal?: number;
}

/** An objective (Sasaran Kegiatan) as ObjectiveDefined records it. */
export interface Objective extends Readonly<ObjectiveDefined["data"]> {
  /**
   * Its place among the objectives, 0 for the first defined: the order the document prints them
   * in (and a plan built by commands defines them in). Kept because codes like `11` are array-index
   * keys, which a JavaScript record lists before `01` whatever order they were put in.
   */
  readonly position: number;
}

/** An indicator (IKK) as IndicatorDefined records it, with its id, targets and stated budget. */
export interface Indicator extends Readonly<IndicatorDefined["data"]> {
  /** `objective.code`, e.g. `01.07`. */
  readonly id: IndicatorId;
  /** B01..B12; null is a blank cell, which is not 0. */
  readonly targets: readonly (number | null)[];
  /** ANGGARAN as the document prints it (absent: none printed); the budget itself is derived from the contributions. */
  readonly statedBudget?: number;
}

/** A code with its name: an RO, a komponen or a sub komponen. */
export type Coded = Readonly<BudgetLineRegistered["data"]["output"]>;

/** A budget line as BudgetLineRegistered records it, with its id. */
export interface BudgetLine extends Readonly<BudgetLineRegistered["data"]> {
  /** RO.komponen.sub komponen, e.g. `DR.3165.QIA.005.053.A`. */
  readonly id: LineId;
}

/** A month's realisation of an indicator, as RealisationReported records it (the latest report wins). */
export type Realisation = Readonly<Omit<RealisationReported["data"], "indicator" | "month">>;

/** What a month's spending report of a line says besides its amount (only reports that say something have one). */
export type SpendingNote = Readonly<Omit<SpendingReported["data"], "line" | "month" | "amount">>;

/** Where, when and by whom the plan was signed, as PlanSigned records it. */
export type Signature = Readonly<PlanSigned["data"]>;

/** A member of the plan's roster as MemberAdded records them, with their role and key as they stand now. */
export type Member = Readonly<MemberAdded["data"]>;

/** Where a proposal stands: waiting, or decided (approved, returned with a reason, withdrawn). */
export type ProposalStatus = "pending" | "approved" | "returned" | "withdrawn";

/** A proposal as RevisionProposed records it, with where it stands and who decided it. */
export interface Proposal extends Readonly<RevisionProposed["data"]> {
  readonly status: ProposalStatus;
  /** Who approved, returned or withdrew it. */
  readonly decidedBy?: string;
  /** Why it was returned. */
  readonly returnReason?: string;
}

/**
 * The plan as its events make it. Everything derivable (an indicator's budget, a line's
 * allocation, absorption) is computed by projections, never stored twice.
 */
export interface PlanState {
  readonly plan: Plan | null;
  /** code -> objective; their order is `position` (see documentOrder). */
  readonly objectives: Readonly<Record<string, Objective>>;
  /** id -> indicator, in the order they were defined (ids like `01.07` keep a record's insertion order). */
  readonly indicators: Readonly<Record<string, Indicator>>;
  /** id -> line, in the order they were registered. */
  readonly lines: Readonly<Record<string, BudgetLine>>;
  /** indicator id -> line id -> amount (> 0), each row in the order its contributions were first allocated (the document's budget rows). */
  readonly contributions: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** indicator id -> month (1..12) -> latest report. */
  readonly realisations: Readonly<Record<string, Readonly<Record<number, Realisation>>>>;
  /** line id -> month (1..12) -> amount spent in that month. */
  readonly spending: Readonly<Record<string, Readonly<Record<number, number>>>>;
  /** line id -> month -> the note, hambatan and rencana tindak lanjut of its latest spending report, where it has any. */
  readonly spendingNotes: Readonly<Record<string, Readonly<Record<number, SpendingNote>>>>;
  readonly signature: Signature | null;
  /** member id -> member: who keeps the plan (empty for a log written before rosters). */
  readonly members: Readonly<Record<string, Member>>;
  /** revision kind -> the roles a unit added to the default policy's approvers of that kind (roster/policy.ts). */
  readonly requirements: Readonly<Record<string, readonly Role[]>>;
  /** proposal number -> proposal, pending or decided. */
  readonly proposals: Readonly<Record<string, Proposal>>;
  /** How many events made this state. */
  readonly eventCount: number;
}

/** The state before any event: no plan yet. */
export function initialState(): PlanState {
  return {
    plan: null,
    objectives: {},
    indicators: {},
    lines: {},
    contributions: {},
    realisations: {},
    spending: {},
    spendingNotes: {},
    signature: null,
    members: {},
    requirements: {},
    proposals: {},
    eventCount: 0,
  };
}
