import fc from "fast-check";
import { portableSha256Hex, sha256Hex, useSha256 } from "@rapk/history";
import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { nodeSha256Hex } from "../src/nodeSha256.js";

const RUNS = Number(process.env.RAPK_PROPERTY_RUNS) || 1000;

describe("the CLI's sha256", () => {
  it("gives the portable sha256's digits for any text, so a log hashed by either verifies with the other", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => nodeSha256Hex(text) === portableSha256Hex(text)), { numRuns: RUNS });
  });

  it("is the one history hashes with once the CLI has run", async () => {
    const sink = { write: () => true } as unknown as NodeJS.WritableStream;
    await main(["--version"], { stdout: sink, stderr: sink, cwd: process.cwd() } as never);
    // useSha256 hands back the sha256 it replaces: node's, put there by main.
    const current = useSha256(portableSha256Hex);
    useSha256(current);
    expect(current).toBe(nodeSha256Hex);
    expect(sha256Hex("Rejang Lebong ✓")).toBe(portableSha256Hex("Rejang Lebong ✓"));
  });
});
