/** Keys that would reach Object.prototype's members (`__proto__`, `constructor`, `toString`, ...). */
const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));

export interface KeyProblem {
  readonly key: string;
  readonly why: "duplicate" | "reserved";
  /** 1-based line of the key in the text. */
  readonly line: number;
}

/**
 * The first key of a JSON text that cannot be meant: one written twice in the same object
 * (JSON.parse silently keeps the last) or one named after a member of Object.prototype. The text
 * must already parse as JSON; strings are read with their escapes, so `"\u005f_proto__"` is caught too.
 */
export function jsonKeyProblem(text: string): KeyProblem | undefined {
  const stack: { keys: Set<string> | null; expectKey: boolean }[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    else if (c === "{") stack.push({ keys: new Set(), expectKey: true });
    else if (c === "[") stack.push({ keys: null, expectKey: false });
    else if (c === "}" || c === "]") stack.pop();
    else if (c === ",") {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
    } else if (c === ":") {
      const top = stack[stack.length - 1];
      if (top) top.expectKey = false;
    } else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (RESERVED.has(key)) return { key, why: "reserved", line };
        if (top.keys.has(key)) return { key, why: "duplicate", line };
        top.keys.add(key);
      }
      i = end;
    }
  }
  return undefined;
}
