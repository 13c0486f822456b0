type AnyRecord = Readonly<Record<string, unknown>>;

/**
 * The keys whose values differ between two records (present on one side only, or not the same
 * object), sorted by UTF-16 code units (`sort()` without a comparator, which is that order for
 * strings and needs no call back into JS). Unchanged entries are skipped by reference: the plan
 * draft's structural sharing keeps an untouched indicator or line the very same
 * object, so a diff of two versions of a large plan costs one comparison per entry plus the work
 * on what changed.
 *
 * `K` names what the keys are: a state's records are keyed by the ids the fold wrote into them
 * (IndicatorId, LineId), which Object.keys can only give back as strings.
 */
export function changedKeys<K extends string = string>(a: AnyRecord | undefined, b: AnyRecord | undefined): K[] {
  if (a === b) return [];
  if (!a) return Object.keys(b as AnyRecord).sort() as K[];
  if (!b) return Object.keys(a).sort() as K[];
  const changed: K[] = [];
  let shared = 0;
  // Object.keys, not for-in: a large record is a dictionary, and for-in on one is several times slower.
  for (const key of Object.keys(a)) {
    const other = b[key];
    if (other !== undefined) shared += 1;
    if (a[key] !== other) changed.push(key as K);
  }
  // Records never hold undefined, so when every key of b was seen in a, none was added.
  const keysOfB = Object.keys(b);
  if (shared < keysOfB.length) for (const key of keysOfB) if (!Object.hasOwn(a, key)) changed.push(key as K);
  return changed.sort();
}
