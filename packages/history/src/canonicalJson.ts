/**
 * The canonical JSON text of a value, the form that is hashed: object keys sorted (by UTF-16
 * code units, as JavaScript sorts strings), no whitespace, strings and numbers written exactly
 * as `JSON.stringify` writes them, properties whose value is `undefined` left out. For the plain
 * data an event holds this is the JSON Canonicalization Scheme (RFC 8785), so the hash of a
 * line can be recomputed by any tool that writes sorted compact JSON (docs/log-format.md).
 *
 * Throws a TypeError on what JSON cannot carry faithfully (NaN, Infinity, bigint, functions,
 * class instances): a value that cannot round-trip must never be hashed as if it could.
 */
export function canonicalJson(value: unknown): string {
  return write(value, "");
}

function write(value: unknown, path: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${where(path)} is ${value}, which JSON cannot hold`);
      return JSON.stringify(value);
    case "object":
      return Array.isArray(value) ? writeArray(value, path) : writeObject(value as object, path);
    default:
      throw new TypeError(`canonicalJson: ${where(path)} is a ${typeof value}, which JSON cannot hold`);
  }
}

function writeArray(items: readonly unknown[], path: string): string {
  // JSON.stringify writes a hole or undefined in an array as null; so do we.
  const parts = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    parts[i] = item === undefined ? "null" : write(item, `${path}[${i}]`);
  }
  return `[${parts.join(",")}]`;
}

function writeObject(object: object, path: string): string {
  const prototype = Object.getPrototypeOf(object);
  if (prototype !== Object.prototype && prototype !== null)
    throw new TypeError(`canonicalJson: ${where(path)} is not a plain object`);
  const record = object as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  const parts: string[] = [];
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${write(item, path ? `${path}.${key}` : key)}`);
  }
  return `{${parts.join(",")}}`;
}

function where(path: string): string {
  return path ? `the value at ${path}` : "the value";
}
