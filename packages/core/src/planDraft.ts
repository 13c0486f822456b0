import type { PlanState } from "./state.js";

/** The records of a state: the maps keyed by objective, indicator and line ids. */
type PlanRecord = "objectives" | "indicators" | "lines" | "contributions" | "realisations" | "spending" | "spendingNotes" | "members" | "requirements" | "proposals";

type Writable<T> = { -readonly [K in keyof T]: T[K] };
/** An entry of a record with its fields writable one level deep (what applyEvent changes). */
type Entry<R extends PlanRecord> = Writable<PlanState[R][string]>;
type WritableState = Writable<PlanState> & { -readonly [R in PlanRecord]: Record<string, Entry<R>> };
/** The state as a draft shows it: the header fields (plan, signature, count) writable, the records read-only. */
export type DraftState = Writable<Pick<PlanState, "plan" | "signature" | "eventCount">> & Omit<PlanState, "plan" | "signature" | "eventCount">;

/**
 * The one writable copy of a state that events are folded into (evolve, replay and decideBatch
 * all use it). `state` is a plain copy of the state object; a record is copied (shallowly) on its
 * first write, an entry (an indicator, a line, a row of months) the first time it is changed, and
 * from then on the draft owns it and changes it in place. What it has not touched stays shared
 * with the state it came from, so that state is never written. {@link finishDraft} freezes what
 * the draft owns. Internal to core: nothing outside folds events except through evolve and replay.
 *
 * Plain data and functions on purpose: as a class the fold ran about 40 % slower (V8 kept
 * throwing away the optimised code of its methods, "weak objects" deopts, one per draft).
 */
export interface PlanDraft {
  /**
   * The state as folded so far. Its header fields (the plan, the signature, the count) are
   * assigned directly (replaced, never changed inside); its records only through the functions here.
   */
  readonly state: DraftState;
  /** Whether the state it came from was frozen (as every state this package makes is, all through). */
  readonly fromFrozen: boolean;
  /**
   * Each record the draft has copied, with the keys of the entries it has made or copied since;
   * `all` when the record was empty when copied (every entry in it is the draft's own).
   */
  readonly owned: Map<PlanRecord, Set<string> | "all">;
}

/** A draft of `from`; `from` itself is never written. */
export function draftOf(from: PlanState): PlanDraft {
  return { state: { ...from }, fromFrozen: Object.isFrozen(from), owned: new Map() };
}

/** Puts a new entry into one of the state's records (replacing any entry under the key). */
export function putEntry<R extends PlanRecord>(draft: PlanDraft, record: R, key: string, value: Entry<R>): void {
  own(ownedKeys(draft, record), key);
  (records(draft)[record] as Record<string, Entry<R>>)[key] = value;
}

/**
 * The entry under `key`, ready to be changed one level deep: a copy the first time (the entry
 * may be shared with other states), the same object after. A missing entry is created by
 * `create` (which must then be given).
 */
export function entryDraft<R extends PlanRecord>(draft: PlanDraft, record: R, key: string, create?: () => Entry<R>): Entry<R> {
  const owned = ownedKeys(draft, record);
  const entries = records(draft)[record] as Record<string, Entry<R>>;
  const current = entries[key];
  if (current !== undefined && (owned === "all" || owned.has(key))) return current;
  const entry = current === undefined ? create?.() : ({ ...current } as Entry<R>);
  if (entry === undefined) throw new RangeError(`no entry ${key} in ${record}`);
  entries[key] = entry;
  own(owned, key);
  return entry;
}

/** Removes an entry of one of the state's records. */
export function removeEntry(draft: PlanDraft, record: PlanRecord, key: string): void {
  ownedKeys(draft, record);
  delete records(draft)[record][key];
}

/** Freezes a folded draft into a state, deeply; the draft must not be used after. */
export function finishDraft(draft: PlanDraft): PlanState {
  const state = records(draft);
  for (const [record, keys] of draft.owned) {
    const entries = state[record] as Record<string, unknown>;
    // From a frozen state only the entries the draft owns are unfrozen; a state made by hand
    // (a clone, say) may have lent it unfrozen ones too.
    if (draft.fromFrozen && keys !== "all") for (const key of keys) deepFreeze(entries[key]);
    else for (const key in entries) deepFreeze(entries[key]);
    Object.freeze(entries);
  }
  // The rest: the state object, its header and signature, and a hand-made state's other records.
  return deepFreeze(state as PlanState);
}

function records(draft: PlanDraft): WritableState {
  return draft.state as WritableState;
}

/** The keys the draft owns in a record; the record is copied first if the draft still shares it. */
function ownedKeys(draft: PlanDraft, record: PlanRecord): Set<string> | "all" {
  let keys = draft.owned.get(record);
  if (keys === undefined) {
    const state = records(draft);
    const copy = copyRecord(state[record]);
    keys = copy.size === 0 ? "all" : new Set();
    (state as Record<PlanRecord, object>)[record] = copy.record;
    draft.owned.set(record, keys);
  }
  return keys;
}

/**
 * A shallow copy of a record. A record of thousands of entries is a dictionary-mode object, and
 * spreading one costs about four times this loop over its keys (1.5 ms against 0.35 ms for
 * 5,000 keys on the bench machine): the copy is most of the cost of a short fold from a kept
 * state (history's stateAtSeq).
 */
function copyRecord(record: object): { record: object; size: number } {
  const from = record as Record<string, unknown>;
  // Object.keys, not for-in: for-in on a dictionary-mode object enumerates every key before the first.
  const keys = Object.keys(from);
  const copy: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    // An id "__proto__" assigned would set the prototype, not make an entry.
    if (key === "__proto__") Object.defineProperty(copy, key, { value: from[key], enumerable: true, writable: true, configurable: true });
    else copy[key] = from[key];
  }
  return { record: copy, size: keys.length };
}

function own(keys: Set<string> | "all", key: string): void {
  if (keys !== "all") keys.add(key);
}

/** Freezes a value and everything it holds (what a state is made of: plain objects and arrays). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key in value) deepFreeze(value[key]);
  }
  return value;
}
