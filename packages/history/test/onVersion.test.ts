import { stateAfter } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { type VerifiedVersion, serializeLog, verifyLog } from "../src/index.js";
import { storyLog } from "./support/plan.js";

const log = storyLog();
const text = serializeLog(log);

describe("verifyLog's onVersion: the log read once, for its verification and its versions", () => {
  it("given an intact log, hands over every version in order with its events, the plan after it and its head", () => {
    const seen: VerifiedVersion[] = [];
    const result = verifyLog(text, { onVersion: (version) => seen.push(version) });
    expect(result.ok).toBe(true);
    expect(seen.map((v) => v.number)).toEqual([1, 2, 3, 4, 5]);
    for (const version of seen) {
      const upTo = log.filter((e) => e.version <= version.number);
      expect(version.events).toEqual(log.filter((e) => e.version === version.number));
      expect(version.state).toEqual(stateAfter(upTo));
      // A v1 log (as this one is written): a version's head is its last event's hash.
      expect(version.head).toBe(upTo.at(-1)!.hash);
    }
  });

  it("given a line changed in version 3, hands over only the versions before it", () => {
    const lines = text.split("\n");
    const at = lines.findIndex((line) => line.includes('"version":3'));
    lines[at] = lines[at]!.replace(/"hash":"(.)/, (_, first: string) => `"hash":"${first === "a" ? "b" : "a"}`);
    const seen: number[] = [];
    const result = verifyLog(lines.join("\n"), { onVersion: (version) => seen.push(version.number) });
    expect(result).toMatchObject({ ok: false, error: { line: at + 1 } });
    expect(seen).toEqual([1, 2]);
  });
});
