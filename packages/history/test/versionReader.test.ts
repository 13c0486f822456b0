import { describe, expect, it } from "vitest";
import { type CommittedVersion, type StoredEvent, auditLog, auditVersions, parseLog, serializeLog } from "../src/index.js";
import { storyLog } from "./support/plan.js";
import { storyV2Text, storyV3Text } from "./support/v2.js";

const logs = [
  ["v1", serializeLog(storyLog())],
  ["v2", storyV2Text()],
  ["v3", storyV3Text()],
] as const;

const versionsOf = (text: string): CommittedVersion[] => {
  const parsed = parseLog(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.versions;
};

/** Version `n`'s event `i` with its data changed, as a store holding a changed row would give it. */
function tampered(versions: readonly CommittedVersion[], n: number, i: number): CommittedVersion[] {
  return versions.map((version) => {
    if (version.version !== n) return version;
    const events = version.events.map((event, at) => (at === i ? ({ ...event, data: { ...event.data, tampered: 1 } } as unknown as StoredEvent) : event));
    return { ...version, events };
  });
}

describe("the one version reader, over a log's text and over a store's versions", () => {
  it.each(logs)("given a %s log, when its versions are audited as objects, then they verify with the head and counts of its text", (_, text) => {
    const fromText = auditLog(text);
    expect(fromText.ok).toBe(true);
    expect(auditVersions(versionsOf(text))).toEqual(fromText);
  });

  it.each(logs)("given a %s log's versions with an event's data changed, then the audit names that event's line as the text's audit would", (_, text) => {
    const versions = versionsOf(text);
    const changed = tampered(versions, 3, 0);
    const audit = auditVersions(changed);
    expect(audit.ok).toBe(false);
    // Line numbers are those of the versions written out: version 3's first event follows every line before it.
    const before = versions.slice(0, 2).reduce((lines, v) => lines + v.events.length + (v.commit ? 1 : 0), 0);
    expect(audit.problems[0]).toMatchObject({ line: before + 1 });
    expect(["HASH_MISMATCH", "NOT_CANONICAL", "EVENT_INVALID"]).toContain(audit.problems[0]?.code);
  });

  it("given a log's text, then parseLog's versions say the lines each fills, ending on its commit record", () => {
    const text = storyV3Text();
    const lines = text.trimEnd().split("\n");
    const parsed = parseLog(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    for (const version of parsed.value.versions as (CommittedVersion & { firstLine: number; lastLine: number })[]) {
      expect(JSON.parse(lines[version.lastLine - 1] as string).commit).toBe(version.version);
      expect(JSON.parse(lines[version.firstLine - 1] as string).seq).toBe(version.events[0]?.seq);
    }
  });
});
