/** Keys that would reach Object.prototype's members (`__proto__`, `constructor`, `toString`, ...). */
const RESERVED: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export interface KeyProblem {
  readonly key: string;
  readonly why: "duplicate" | "reserved";
  /** 1-based line of the key in the text. */
  readonly line: number;
  /** Where the key is: the keys and list indexes down to it, the key itself last (`["commands", 0, "data", "pagu"]`). */
  readonly path: readonly (string | number)[];
}

interface Frame {
  /** The keys seen so far in an object; null for a list. */
  readonly keys: Set<string> | null;
  expectKey: boolean;
  /** The object's current key, or the list's current index. */
  at: string | number;
}

/**
 * Walks the keys of a JSON text in order, with the line each is on and its path (the keys and list
 * indexes down to it, the key itself last); `visit` returns true to stop. `keys` is the set of the
 * keys read before in the same object. The text must already parse as JSON; strings are read with
 * their escapes, so `"\u005f_proto__"` is the key `__proto__`.
 */
function walkKeys(text: string, visit: (key: string, line: number, path: readonly (string | number)[], keys: Set<string>) => boolean): void {
  const stack: Frame[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    else if (c === "{") stack.push({ keys: new Set(), expectKey: true, at: "" });
    else if (c === "[") stack.push({ keys: null, expectKey: false, at: 0 });
    else if (c === "}" || c === "]") stack.pop();
    else if (c === ",") {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
      else if (top) top.at = (top.at as number) + 1;
    } else if (c === ":") {
      const top = stack[stack.length - 1];
      if (top) top.expectKey = false;
    } else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        top.at = key;
        if (visit(key, line, stack.map((frame) => frame.at), top.keys)) return;
        top.keys.add(key);
      }
      i = end;
    }
  }
}

/**
 * The first key of a JSON text that cannot be meant: one written twice in the same object
 * (JSON.parse silently keeps the last, other readers the first) or one named after a member of
 * Object.prototype.
 */
export function jsonKeyProblem(text: string): KeyProblem | undefined {
  let problem: KeyProblem | undefined;
  walkKeys(text, (key, line, path, keys) => {
    const why = RESERVED.has(key) ? "reserved" : keys.has(key) ? "duplicate" : undefined;
    if (why) problem = { key, why, line, path };
    return problem !== undefined;
  });
  return problem;
}

/**
 * The line of a JSON text that a path points at (`["commands", 0, "data", "value"]`): the line of
 * its last key, or of the first key inside the list entry or object it names; for a field that is
 * missing, the line of the nearest key on the way to it; undefined when not even the first step is
 * there. Lets an error found in the parsed value name its line in the file.
 */
export function jsonPathLine(text: string, path: readonly (string | number)[]): number | undefined {
  let found: number | undefined;
  let depth = 0;
  walkKeys(text, (_, line, at) => {
    let shared = 0;
    while (shared < at.length && shared < path.length && at[shared] === path[shared]) shared++;
    // Only a key on the way to the place (or inside it) counts, the nearest first.
    if ((shared === at.length || shared === path.length) && shared > depth) [found, depth] = [line, shared];
    return depth === path.length;
  });
  return found;
}

/**
 * The keys of a parsed JSON value, counted, or -1 when one is named after a member of
 * Object.prototype (JSON.parse makes even `__proto__` an own key, escaped or not).
 */
function countKeys(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner = countKeys(value[i]);
      if (inner < 0) return -1;
      count += inner;
    }
    return count;
  }
  // Object.keys, not for-in: the faster walk of a small parsed object.
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (RESERVED.has(key)) return -1;
    const inner = countKeys((value as Record<string, unknown>)[key]);
    if (inner < 0) return -1;
    count += inner;
  }
  return count + keys.length;
}

/**
 * How many colons in the text come after a `"` with nothing but whitespace between: every key
 * written ends so (and so may a colon inside a string). One pass with indexOf, no regular
 * expression: this runs on every line of a log.
 */
function keyColons(text: string): number {
  let count = 0;
  for (let at = text.indexOf(":"); at >= 0; at = text.indexOf(":", at + 1)) {
    let before = at - 1;
    while (before >= 0 && isJsonSpace(text.charCodeAt(before))) before--;
    if (before >= 0 && text.charCodeAt(before) === 34) count++;
  }
  return count;
}

const isJsonSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * The same check for one line of a log that JSON.parse has already read as `parsed`, fast for a
 * line as rapk writes it. Every key written in the text ends with `"` and a colon (whitespace may
 * come between), and so may a colon inside a string; every key JSON.parse kept was written at
 * least once. So when the text has exactly as many such colons as the parsed value has keys,
 * no key was written twice; and a key named after a member of Object.prototype is seen in the
 * parsed value. Only a line that fails these tests is scanned key by key (to name the key and
 * where it is).
 */
export function lineKeyProblem(text: string, parsed: unknown): KeyProblem | undefined {
  const keys = countKeys(parsed);
  if (keys >= 0 && keyColons(text) === keys) return undefined;
  return jsonKeyProblem(text);
}

/** `commands[0].data.pagu`: a key's path as a reader of the JSON would write it. */
export function keyPathText(path: readonly (string | number)[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out === "" ? key : `.${key}`;
  return out;
}
