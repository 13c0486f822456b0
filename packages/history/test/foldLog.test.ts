import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { stateAfter } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { type StoredEvent, foldLog, groupVersions, parseLog, serializeLog, verifyLog, versionOf } from "../src/index.js";
import { storyLog } from "./support/plan.js";
import { rechain } from "./support/rechain.js";
import { storyV2Text } from "./support/v2.js";

const V1 = readFileSync(new URL("./fixtures/v1-loka-pom-2024.ndjson", import.meta.url), "utf8");
const V2 = storyV2Text();

/** What parseLog reads, folded the plain way: the oracle. */
function expected(text: string) {
  const parsed = parseLog(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { events, versions } = parsed.value;
  return { state: stateAfter(events), events: events.length, versions: versions.length, head: versions.at(-1)?.head };
}

describe("foldLog: the reader folding as it reads", () => {
  it.each([
    ["a v1 log", V1],
    ["a v2 log", V2],
    ["a v1 log with v2 versions after it", serializeLog(storyLog())],
  ])("given %s, then it gives the plan, counts and head that parsing and replaying give", (_, text) => {
    const folded = foldLog(text);
    if (!folded.ok) throw new Error(folded.error.message);
    const want = expected(text);
    expect(isDeepStrictEqual(folded.value.state, want.state)).toBe(true);
    expect([folded.value.events, folded.value.versions, folded.value.head]).toEqual([want.events, want.versions, want.head]);
    expect(verifyLog(text)).toMatchObject({ ok: true, value: { lastHash: folded.value.head } });
  });

  it("given a version not yet committed or a last line cut short, then it leaves them out as parseLog does", () => {
    const cut = V2.slice(0, V2.trimEnd().lastIndexOf("\n") + 1);
    const torn = `${cut}{"format":"rapk/2","se`;
    for (const text of [cut, torn]) {
      const folded = foldLog(text);
      expect(folded.ok && [folded.value.versions, folded.value.head]).toEqual([expected(text).versions, expected(text).head]);
    }
  });

  it("given a bad line or an event that cannot apply, then it names the line parseLog or verifyLog names", () => {
    const lines = V1.trimEnd().split("\n");
    const notJson = [...lines.slice(0, 6), "{oops", ...lines.slice(7)].join("\n");
    expect(foldLog(notJson)).toEqual(parseLog(notJson));
    const log = storyLog();
    const at = log.findIndex((e) => e.type === "SpendingReported");
    const forged = log.map((e) => structuredClone(e)) as StoredEvent[];
    (forged[at]!.data as { line: string }).line = "DR.3165.QIA.009.053.A";
    const text = serializeLog(rechain(forged));
    const verified = verifyLog(text);
    expect(verified).toMatchObject({ ok: false, error: { code: "EVENT_NOT_APPLICABLE" } });
    expect(foldLog(text)).toEqual(verified);
  });
});

describe("versionOf: one version's events as groupVersions reads them", () => {
  it.each([
    ["a v1 log", V1],
    ["a v1 log with v2 versions after it", serializeLog(storyLog())],
  ])("given %s, then it tells of each committed version once, in order, with its events and (v2) its commit record", (_, text) => {
    const told: { events: readonly StoredEvent[]; commit?: string }[] = [];
    const folded = foldLog(text, undefined, (events, commit) => told.push({ events, ...(commit ? { commit: commit.hash } : {}) }));
    expect(folded.ok).toBe(true);
    const parsed = parseLog(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(told.map((v) => v.events)).toEqual(parsed.value.versions.map((v) => v.events));
    expect(told.map((v) => v.commit)).toEqual(parsed.value.versions.map((v) => v.commit?.hash));
  });

  it("given each version of a log, then it is that version of groupVersions", () => {
    const log = storyLog();
    const all = groupVersions(log);
    expect(all.length).toBeGreaterThan(2);
    for (const version of all) expect(versionOf(log.filter((e) => e.version === version.number))).toEqual(version);
    expect(() => versionOf([])).toThrow(RangeError);
  });
});
