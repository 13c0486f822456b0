import type { Draft } from "immer";
import type { PlanState } from "./state.js";

/** The records of a state: the maps keyed by objective, indicator and line ids. */
export type PlanRecord = "objectives" | "indicators" | "lines" | "contributions" | "realisations" | "spending";
type Entry<R extends PlanRecord> = Draft<PlanState>[R][string];

interface Bookkeeping {
  /** Whether the state it came from was frozen (as every state this package makes is, all through). */
  readonly fromFrozen: boolean;
  /**
   * Each record the draft has copied, with the keys of the entries it has made or copied since;
   * `all` when the record was empty when copied (every entry in it is the draft's own).
   */
  readonly owned: Map<PlanRecord, Set<string> | "all">;
}

const drafts = new WeakMap<object, Bookkeeping>();

/**
 * A writable draft of a state for folding many events with `applyEvent`, without immer's
 * proxies. It is a plain copy of the state object; a record is copied (shallowly) on its first
 * write, an entry (an indicator, a line, a row of months) the first time it is changed, and from
 * then on the draft owns it and changes it in place. What it has not touched stays shared with
 * the state it came from. Finish with {@link finishPlanDraft}, which freezes what the draft owns.
 * A long fold costs about what plain objects cost (packages/bench measures it).
 */
export function createPlanDraft(state: PlanState): Draft<PlanState> {
  const draft = { ...state } as Draft<PlanState>;
  drafts.set(draft, { fromFrozen: Object.isFrozen(state), owned: new Map() });
  return draft;
}

/** Freezes a folded draft into a state, deeply like immer's result; the draft must not be used after. */
export function finishPlanDraft(draft: Draft<PlanState>): PlanState {
  const book = drafts.get(draft);
  drafts.delete(draft);
  for (const [record, keys] of book?.owned ?? []) {
    const entries = draft[record] as Record<string, unknown>;
    // From a frozen state only the entries the draft owns are unfrozen; a state made by hand
    // (a clone, say) may have lent it unfrozen ones too.
    if (book?.fromFrozen && keys !== "all") for (const key of keys) deepFreeze(entries[key]);
    else for (const key in entries) deepFreeze(entries[key]);
    Object.freeze(entries);
  }
  // The rest: the state object, its header and signature, and a hand-made state's other records.
  return deepFreeze(draft as PlanState);
}

/** Puts a new entry into one of the state's records (replacing any entry under the key). */
export function putEntry<R extends PlanRecord>(draft: Draft<PlanState>, record: R, key: string, value: Entry<R>): void {
  const book = drafts.get(draft);
  // The record is made the draft's own before it is written to.
  if (book) own(ownedKeys(draft, book, record), key);
  (draft[record] as Record<string, Entry<R>>)[key] = value;
}

/**
 * The entry under `key`, ready to be changed one level deep: on a plan draft a copy the first
 * time (the entry may be shared with other states), the same object after; on an immer draft,
 * immer's draft of it. A missing entry is created by `create` (which must then be given).
 */
export function entryDraft<R extends PlanRecord>(draft: Draft<PlanState>, record: R, key: string, create?: () => Entry<R>): Entry<R> {
  const book = drafts.get(draft);
  const owned = book && ownedKeys(draft, book, record);
  const entries = draft[record] as Record<string, Entry<R>>;
  const current = entries[key];
  if (current !== undefined && (owned === undefined || owned === "all" || owned.has(key))) return current;
  const entry = current === undefined ? create?.() : ({ ...current } as Entry<R>);
  if (entry === undefined) throw new RangeError(`no entry ${key} in ${record}`);
  entries[key] = entry;
  if (owned) own(owned, key);
  return entries[key] as Entry<R>;
}

/** Removes an entry of one of the state's records. */
export function removeEntry(draft: Draft<PlanState>, record: PlanRecord, key: string): void {
  const book = drafts.get(draft);
  if (book) ownedKeys(draft, book, record);
  delete draft[record][key];
}

/** The keys the draft owns in a record; the record is copied first if the draft still shares it. */
function ownedKeys(draft: Draft<PlanState>, book: Bookkeeping, record: PlanRecord): Set<string> | "all" {
  let keys = book.owned.get(record);
  if (keys === undefined) {
    const shared = draft[record];
    keys = isEmpty(shared) ? "all" : new Set();
    (draft as Record<PlanRecord, object>)[record] = { ...shared };
    book.owned.set(record, keys);
  }
  return keys;
}

function own(keys: Set<string> | "all", key: string): void {
  if (keys !== "all") keys.add(key);
}

function isEmpty(record: object): boolean {
  for (const _ in record) return false;
  return true;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key in value) deepFreeze(value[key]);
  }
  return value;
}
