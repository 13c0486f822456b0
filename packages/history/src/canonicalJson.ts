import { keyPathText } from "./jsonKeys.js";

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
  try {
    return write(value);
  } catch (error) {
    if (error instanceof Unfit) throw new TypeError(`canonicalJson: ${error.path.length > 0 ? `the value at ${keyPathText(error.path)}` : "the value"} ${error.why}`);
    throw error;
  }
}

/**
 * A value JSON cannot hold, with the way down to it. The path is gathered only on the way out of
 * an error: building it on the way in cost a string per value of every line hashed.
 */
class Unfit extends Error {
  readonly path: (string | number)[] = [];
  constructor(readonly why: string) {
    super(why);
  }
}

function write(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new Unfit(`is ${value}, which JSON cannot hold`);
      return JSON.stringify(value);
    case "object":
      return Array.isArray(value) ? writeArray(value) : writeObject(value as object);
    default:
      throw new Unfit(`is a ${typeof value}, which JSON cannot hold`);
  }
}

function writeArray(items: readonly unknown[]): string {
  // JSON.stringify writes a hole or undefined in an array as null; so do we.
  let out = "[";
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (i > 0) out += ",";
    try {
      out += item === undefined ? "null" : write(item);
    } catch (error) {
      throw within(error, i);
    }
  }
  return `${out}]`;
}

function writeObject(object: object): string {
  const prototype = Object.getPrototypeOf(object);
  if (prototype !== Object.prototype && prototype !== null) throw new Unfit("is not a plain object");
  const record = object as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const item = record[key];
    if (item === undefined) continue;
    if (out.length > 1) out += ",";
    try {
      out += `${JSON.stringify(key)}:${write(item)}`;
    } catch (error) {
      throw within(error, key);
    }
  }
  return `${out}}`;
}

function within(error: unknown, step: string | number): unknown {
  if (error instanceof Unfit) error.path.unshift(step);
  return error;
}
