/** Where a line as written differs from the line as the schemas keep it. */
export interface Difference {
  readonly path: string;
  readonly kind: "extra" | "changed";
  readonly written: unknown;
  readonly kept: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The first place where `written` (a parsed JSON line) differs from `kept` (what the schemas
 * made of it): a field the schema does not know, or a value it would store differently (text is
 * stored trimmed). Key order does not matter; undefined means they are the same data.
 */
export function firstDifference(written: unknown, kept: unknown, path = ""): Difference | undefined {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (isRecord(written) && isRecord(kept)) {
    for (const key of Object.keys(kept)) {
      if (kept[key] === undefined) continue;
      const found = firstDifference(written[key], kept[key], at(key));
      if (found) return found;
    }
    for (const key of Object.keys(written))
      if (!(key in kept) || kept[key] === undefined) return { path: at(key), kind: "extra", written: written[key], kept: undefined };
    return undefined;
  }
  if (Array.isArray(written) && Array.isArray(kept) && written.length === kept.length) {
    for (let i = 0; i < kept.length; i++) {
      const found = firstDifference(written[i], kept[i], at(i));
      if (found) return found;
    }
    return undefined;
  }
  return written === kept ? undefined : { path: path || "(whole)", kind: "changed", written, kept };
}
