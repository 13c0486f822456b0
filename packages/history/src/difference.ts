/** Where a line as written differs from the line as the schemas keep it. */
export interface Difference {
  readonly path: string;
  readonly kind: "extra" | "changed";
  readonly written: unknown;
  readonly kept: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A difference found below the top, its path gathered on the way out (none is built while nothing differs). */
interface Found {
  readonly steps: (string | number)[];
  readonly kind: "extra" | "changed";
  readonly written: unknown;
  readonly kept: unknown;
}

/**
 * The first place where `written` (a parsed JSON line) differs from `kept` (what the schemas
 * made of it): a field the schema does not know, or a value it would store differently (text is
 * stored trimmed). Key order does not matter; undefined means they are the same data.
 */
export function firstDifference(written: unknown, kept: unknown, path = ""): Difference | undefined {
  const found = differenceOf(written, kept);
  if (!found) return undefined;
  const below = found.steps.join(".");
  return { path: path && below ? `${path}.${below}` : path || below || "(whole)", kind: found.kind, written: found.written, kept: found.kept };
}

function differenceOf(written: unknown, kept: unknown): Found | undefined {
  if (isRecord(written) && isRecord(kept)) {
    const keys = Object.keys(kept);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (kept[key] === undefined) continue;
      const found = differenceOf(written[key], kept[key]);
      if (found) {
        found.steps.unshift(key);
        return found;
      }
    }
    const writtenKeys = Object.keys(written);
    for (let i = 0; i < writtenKeys.length; i++) {
      const key = writtenKeys[i] as string;
      if (!(key in kept) || kept[key] === undefined) return { steps: [key], kind: "extra", written: written[key], kept: undefined };
    }
    return undefined;
  }
  if (Array.isArray(written) && Array.isArray(kept) && written.length === kept.length) {
    for (let i = 0; i < kept.length; i++) {
      const found = differenceOf(written[i], kept[i]);
      if (found) {
        found.steps.unshift(i);
        return found;
      }
    }
    return undefined;
  }
  return written === kept ? undefined : { steps: [], kind: "changed", written, kept };
}
