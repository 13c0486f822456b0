// The hostile inputs of the suite, generated from a seed (never a folder of fixed files): each is a
// sound input (the seed plan's text, its CSV, a revision, a log) with mutations an attacker or an
// accident would make. The same seed gives the same inputs, so a failure names a case that replays.

/** A small, fast generator of the same numbers from the same seed (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Hostile {
  /** What was done to the sound input, for the failure message. */
  readonly what: string;
  readonly bytes: Buffer;
}

/** Characters a terminal acts on, or that no plan means: ESC sequences, BEL, C1 (CSI), NUL, bidi override, BOM. */
export const HOSTILE_TEXT = ["\u001b[2J", "\u001b]0;owned\u0007", "\u0007", "\u009b31m", "\u0085", "\u0000", "\r", "\u202e", "\ufeff", "\u0008\u0008", "\u007f", "\u001b[31m"];
const FORMULAS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1"];
const NUMBERS = ["9007199254740993", "-1", "1e400", "0x10", "NaN", "99999999999999999999999", "1.5", "-0"];

type Mutation = (text: string, next: () => number) => { what: string; text?: string; bytes?: Buffer };

const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)] as T;
const at = (text: string, next: () => number) => Math.floor(next() * (text.length + 1));

/** The mutations every text input gets, each at a place the generator picks. */
export const TEXT_MUTATIONS: readonly Mutation[] = [
  (text, next) => {
    const i = at(text, next);
    const bad = pick(HOSTILE_TEXT, next);
    return { what: `${JSON.stringify(bad)} inserted at ${i}`, text: text.slice(0, i) + bad + text.slice(i) };
  },
  (text, next) => {
    const i = at(text, next);
    return { what: `cut at ${i}`, text: text.slice(0, i) };
  },
  (text, next) => {
    const i = at(text, next);
    const formula = pick(FORMULAS, next);
    return { what: `formula ${JSON.stringify(formula)} at ${i}`, text: text.slice(0, i) + formula + text.slice(i) };
  },
  (text, next) => {
    const numbers = [...text.matchAll(/\d+/g)];
    if (numbers.length === 0) return { what: "no number to replace", text };
    const found = pick(numbers, next);
    const by = pick(NUMBERS, next);
    return { what: `number ${found[0]} at ${found.index} -> ${by}`, text: text.slice(0, found.index) + by + text.slice((found.index ?? 0) + found[0].length) };
  },
  (text, next) => {
    const lines = text.split("\n");
    const i = Math.floor(next() * lines.length);
    const j = Math.floor(next() * lines.length);
    [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
    return { what: `lines ${i + 1} and ${j + 1} swapped`, text: lines.join("\n") };
  },
  (text, next) => {
    const lines = text.split("\n");
    const i = Math.floor(next() * lines.length);
    lines.splice(i, 0, lines[i] ?? "");
    return { what: `line ${i + 1} doubled`, text: lines.join("\n") };
  },
  (text, next) => {
    const i = at(text, next);
    const long = pick(["x", "é", "\u001b", "{"], next).repeat(5_000 + Math.floor(next() * 60_000));
    return { what: `a run of ${long.length} characters at ${i}`, text: text.slice(0, i) + long + text.slice(i) };
  },
  (text, next) => {
    const bytes = Buffer.from(text);
    const i = Math.floor(next() * bytes.length);
    const bad = pick([0xff, 0xc3, 0x80, 0x9b, 0x1b, 0x00], next);
    const out = Buffer.concat([bytes.subarray(0, i), Buffer.from([bad]), bytes.subarray(i)]);
    return { what: `byte 0x${bad.toString(16)} at ${i}`, bytes: out };
  },
  (text, next) => {
    const lines = text.split("\n");
    const i = Math.floor(next() * lines.length);
    lines.splice(i, 1);
    return { what: `line ${i + 1} removed`, text: lines.join("\n") };
  },
  (text, next) => {
    const i = at(text, next);
    return { what: `CRLF from ${i}`, text: text.slice(0, i) + text.slice(i).replace(/\n/g, "\r\n") };
  },
];

/** `count` hostile variants of one sound text, one to three mutations each, from `seed`. */
export function hostileVariants(sound: string, count: number, seed: number, extra: readonly Mutation[] = []): Hostile[] {
  const next = random(seed);
  const mutations = [...TEXT_MUTATIONS, ...extra];
  const out: Hostile[] = [];
  for (let n = 0; n < count; n++) {
    let text = sound;
    let bytes: Buffer | undefined;
    const what: string[] = [];
    const times = 1 + Math.floor(next() * 3);
    for (let m = 0; m < times && bytes === undefined; m++) {
      const done = pick(mutations, next)(text, next);
      what.push(done.what);
      if (done.bytes) bytes = done.bytes;
      else text = done.text ?? text;
    }
    out.push({ what: what.join("; "), bytes: bytes ?? Buffer.from(text) });
  }
  return out;
}

/** Mutations of a JSON revision's structure: deep nesting, keys no object means, wrong types, oversized text. */
export const JSON_MUTATIONS: readonly Mutation[] = [
  (text, next) => {
    const depth = 20 + Math.floor(next() * 100_000);
    return { what: `nested ${depth} deep`, text: text.replace('"commands":', `"padding": ${"[".repeat(depth)}${"]".repeat(depth)}, "commands":`) };
  },
  (text, next) => {
    const key = pick(["__proto__", "constructor", "\\u005f_proto__", "toString"], next);
    return { what: `key ${key}`, text: text.replace('"meta": {', `"meta": {"${key}": {"polluted": true}, `) };
  },
  (text, next) => {
    const field = pick(["actor", "reason", "reference"], next);
    const bad = pick([...HOSTILE_TEXT.map((t) => JSON.stringify(`KPA${t}`)), "12", "null", "[]", JSON.stringify("a".repeat(1001))], next);
    return { what: `meta.${field} = ${bad.slice(0, 30)}`, text: text.replace(/"meta": \{/, `"meta": {"${field}": ${bad}, `).replace(new RegExp(`("${field}": [^,]*, [\\s\\S]*?)"${field}": "[^"]*",?`), "$1") };
  },
  (text, next) => {
    const name = pick([...HOSTILE_TEXT.map((t) => `Nama${t}baru`), ...FORMULAS, "a".repeat(1001), " "], next);
    return { what: `renameIndicator to ${JSON.stringify(name).slice(0, 30)}`, text: text.replace('"commands": [', `"commands": [{"type": "renameIndicator", "data": {"indicator": "01.01", "name": ${JSON.stringify(name)}}}, `) };
  },
  (text, next) => {
    const key = pick(["pagu", "line", "type"], next);
    return { what: `${key} written twice`, text: text.replace(`"${key}": `, `"${key}": 1, "${key}": `) };
  },
];
