import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CommittedVersion, EMPTY_HEAD, GENESIS_HASH, type LogHead, type StoredEvent, canonicalJson, serializeCommit, serializeEvent, checkSealed, hashCommit, headAfter, sealVersion, sha256Hex, versionMetadataOfV1 } from "../src/index.js";
import { RUNS, storyArb } from "./support/arbitraries.js";
import { SEED_DRAFT } from "./support/plan.js";
import { decideBatch, initialState } from "@rapk/core";

const META = { recordedAt: "2024-02-22T09:00:00+07:00", effectiveAt: "2024-02-22T09:00:00+07:00", actor: "Tim Perencanaan", reason: "RAPK 2024", kind: "draft" } as const;

function seedEvents() {
  const decided = decideBatch(SEED_DRAFT, initialState(), { kind: "draft" });
  if (!decided.ok) throw new Error(decided.error.message);
  return decided.value;
}

describe("sealVersion", () => {
  it("given an empty log, when a version is sealed, then its events are v3 lines chained from the genesis hash and its commit record closes them", () => {
    const events = seedEvents();
    const version = sealVersion(EMPTY_HEAD, events, META);
    expect(version.version).toBe(1);
    expect(version.events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(version.events.every((e) => e.format === "rapk/3" && e.version === 1)).toBe(true);
    expect(version.events[0]?.prev).toBe(GENESIS_HASH);
    // The hash is the sha256 of the line as written, up to its `,"hash":` (no metadata: the commit holds it).
    const first = version.events[0] as StoredEvent;
    const line = serializeEvent(first);
    expect(line.startsWith('{"format":"rapk/3","seq":1,"version":1,"type":')).toBe(true);
    expect(first.hash).toBe(sha256Hex(line.slice(0, line.indexOf(',"hash":"'))));
    const commit = version.commit;
    expect(commit).toMatchObject({ format: "rapk/3", commit: 1, events: events.length, metadata: META, prev: version.events.at(-1)?.hash });
    const record = serializeCommit(commit as NonNullable<typeof commit>);
    expect(commit?.hash).toBe(sha256Hex(record.slice(0, record.indexOf(',"hash":"'))));
    expect(version.head).toBe(commit?.hash);
    expect(checkSealed(EMPTY_HEAD, version)).toBeUndefined();
  });

  it("given a sealed version, when it is offered after another head, then checkSealed calls it a conflict", () => {
    const version = sealVersion(EMPTY_HEAD, seedEvents(), META);
    expect(checkSealed({ version: 1, seq: 12, head: version.head }, version)?.code).toBe("CONFLICT");
    expect(checkSealed({ version: 0, seq: 0, head: "1".repeat(64) }, version)?.code).toBe("CONFLICT");
  });

  it("given a v1 version's metadata, then it reads as recorded and effective at its `at`", () => {
    expect(versionMetadataOfV1({ at: "2024-05-20T10:00:00+07:00", actor: "a", reason: "r", kind: "pok" })).toEqual({
      recordedAt: "2024-05-20T10:00:00+07:00",
      effectiveAt: "2024-05-20T10:00:00+07:00",
      actor: "a",
      reason: "r",
      kind: "pok",
    });
  });

  it("property: any log of sealed versions checks out version after version, and any change to one field of one line is caught", () => {
    fc.assert(
      fc.property(storyArb, fc.nat(), fc.nat(), fc.constantFrom("data", "type", "commitMeta", "count", "commitHash", "eventHash"), (story, pickVersion, pickEvent, field) => {
        let head: LogHead = EMPTY_HEAD;
        const versions: CommittedVersion[] = [];
        for (const batch of story.batches) {
          const metadata = versionMetadataOfV1((batch[0] as (typeof batch)[number]).metadata);
          const version = sealVersion(head, batch, metadata);
          expect(checkSealed(head, version)).toBeUndefined();
          expect(hashCommit(version.commit as NonNullable<CommittedVersion["commit"]>)).toBe(version.head);
          versions.push(version);
          head = headAfter(version);
        }
        const index = pickVersion % versions.length;
        const target = versions[index] as CommittedVersion;
        const before = index === 0 ? EMPTY_HEAD : headAfter(versions[index - 1] as CommittedVersion);
        const e = pickEvent % target.events.length;
        const commit = target.commit as NonNullable<CommittedVersion["commit"]>;
        const events = [...target.events];
        const event = events[e] as (typeof events)[number];
        let changed: CommittedVersion;
        if (field === "data") events[e] = { ...event, data: { ...(event.data as object), changed: true } as unknown } as typeof event;
        if (field === "type") events[e] = { ...event, type: event.type === "TargetSet" ? "IndicatorRenamed" : "TargetSet" } as typeof event;
        if (field === "eventHash") events[e] = { ...event, hash: "f".repeat(64) };
        changed = { ...target, events };
        if (field === "commitMeta") changed = { ...target, commit: { ...commit, metadata: { ...commit.metadata, actor: `${commit.metadata.actor}!` } } };
        if (field === "count") changed = { ...target, commit: { ...commit, events: commit.events + 1 } };
        if (field === "commitHash") changed = { ...target, commit: { ...commit, hash: "e".repeat(64) } };
        expect(checkSealed(before, changed)?.code).toBe("VERSION_INVALID");
      }),
      { numRuns: RUNS },
    );
  });
});
