import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GENESIS_HASH, canonicalJson, hashEvent, hashInput, portableSha256Hex, sha256Hex, useSha256 } from "../src/index.js";
import { RUNS } from "./support/arbitraries.js";
import { seedLog } from "./support/plan.js";

describe("canonicalJson", () => {
  it("sorts keys at every depth and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: "x" } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it("writes strings and numbers as JSON.stringify does, and text as it is (UTF-8 when hashed)", () => {
    expect(canonicalJson({ name: 'Loka "POM"\n', rupiah: 70412160, target: 99.3, tiny: 1e-7 })).toBe(
      '{"name":"Loka \\"POM\\"\\n","rupiah":70412160,"target":99.3,"tiny":1e-7}',
    );
    expect(canonicalJson("Rp 70.412.160 – é")).toBe('"Rp 70.412.160 – é"');
  });

  it("leaves out undefined properties like JSON, and writes undefined array items as null", () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });

  it("refuses what JSON cannot hold, naming where", () => {
    expect(() => canonicalJson({ data: { amount: Number.NaN } })).toThrow(/data\.amount is NaN/);
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(/at is not a plain object/);
    expect(() => canonicalJson(10n)).toThrow(/bigint/);
  });
});

describe("the hash", () => {
  it("is sha256 of the UTF-8 bytes, as node's own implementation computes it", () => {
    for (const text of ["", "abc", "Rejang Lebong – Rp70.412.160 ✓"])
      expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });

  it("portable sha256 gives node's digits for any text (the CLI swaps one for the other)", () => {
    const node = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => portableSha256Hex(text) === node(text)), { numRuns: RUNS });
  });

  it("takes every hash through the sha256 a program gives, until it gives another", () => {
    const [first] = seedLog();
    if (!first) throw new Error("no event");
    const seen: string[] = [];
    const before = useSha256((text) => {
      seen.push(text);
      return "f".repeat(64);
    });
    try {
      expect(hashEvent(first)).toBe("f".repeat(64));
      expect(seen).toEqual([hashInput(first)]);
    } finally {
      useSha256(before);
    }
    expect(sha256Hex("abc")).toBe(createHash("sha256").update("abc").digest("hex"));
  });

  it("covers every field but the hash, in canonical form, whatever the key order", () => {
    const [first] = seedLog();
    if (!first) throw new Error("no event");
    expect(first.prev).toBe(GENESIS_HASH);
    expect(first.hash).toBe(createHash("sha256").update(hashInput(first)).digest("hex"));
    expect(hashInput(first)).not.toContain('"hash"');
    const reordered = JSON.parse(JSON.stringify({ prev: first.prev, metadata: first.metadata, data: first.data, type: first.type, version: first.version, seq: first.seq }));
    expect(hashEvent(reordered)).toBe(first.hash);
    expect(hashEvent({ ...first, metadata: { ...first.metadata, actor: "someone else" } })).not.toBe(first.hash);
  });
});
