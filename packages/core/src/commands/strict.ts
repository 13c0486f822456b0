import * as z from "zod";

/** The known field nearest to an unknown one (`note` for `notes`): at most two letters apart. */
function nearest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length] as number;
}

/** The message of a strict object's unknown fields: each named, with the field probably meant. */
export function unknownFields(known: readonly string[]) {
  return {
    error: (issue: { code?: string; keys?: readonly string[] }) => {
      if (issue.code !== "unrecognized_keys") return undefined;
      const named = (issue.keys ?? []).map((key) => {
        const meant = nearest(key, known);
        return meant === undefined ? JSON.stringify(key) : `${JSON.stringify(key)} (did you mean ${JSON.stringify(meant)}?)`;
      });
      return `has ${named.length === 1 ? "an unknown field" : "unknown fields"} ${named.join(", ")}; it is refused rather than dropped`;
    },
  };
}

/**
 * The same object schema, strict all through: every object in it (a budget line's `output`, say)
 * refuses fields it does not know. Fields keep their schemas, so what is accepted is otherwise the same.
 */
export function strictCopy<S extends z.ZodObject>(schema: S): S {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, field instanceof z.ZodObject ? strictCopy(field) : field]));
  return z.strictObject(shape, unknownFields(Object.keys(shape))) as unknown as S;
}
