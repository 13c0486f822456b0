import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommittedVersion } from "@rapk/history";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlanWriter, collect, draftCommands, metadataAt, reportCommands } from "../src/conformance/index.js";
import { type EventStore, MemoryEventStore } from "../src/index.js";
import { NdjsonFileStore } from "../src/file/index.js";

const RUNS = Number(process.env.RAPK_PROPERTY_RUNS) || 1000;
const PLAN = "loka-pom-rejang-lebong-2024";

// Each step: a new version (null), or one already sent again (a number picks which).
const steps = fc.array(fc.option(fc.nat(), { nil: null, freq: 2 }), { minLength: 1, maxLength: 10 });

async function holdsEachOnce(store: EventStore, plan: readonly (number | null)[]): Promise<void> {
  const writer = new PlanWriter();
  const sent: CommittedVersion[] = [];
  for (const step of plan) {
    if (step === null || sent.length === 0) {
      const first = sent.length === 0;
      const version = writer.next(first ? draftCommands() : reportCommands(Math.min(sent.length, 12)), metadataAt("2024-03-05T10:00:00+07:00", first ? "draft" : "report"));
      expect((await store.append(PLAN, version)).alreadyCommitted).toBeUndefined();
      sent.push(version);
    } else {
      const again = sent[step % sent.length] as CommittedVersion;
      const head = await store.head(PLAN);
      expect(await store.append(PLAN, again)).toEqual({ ...head, alreadyCommitted: true });
    }
  }
  expect((await collect(store.read(PLAN))).map((v) => v.head)).toEqual(sent.map((v) => v.head));
  expect((await collect(store.readAll())).map((c) => [c.position, c.version.version])).toEqual(sent.map((v, i) => [i + 1, v.version]));
}

describe("an append of a version sent again (property)", () => {
  it("given any mix of new versions and versions already committed sent again, then a memory store holds each version once, in order, and every re-send says alreadyCommitted with the log's head", async () => {
    await fc.assert(fc.asyncProperty(steps, (plan) => holdsEachOnce(new MemoryEventStore(), plan)), { numRuns: RUNS });
  }, 600_000);

  it("given the same on a folder store, then the same holds, and the folder's order has each version once", async () => {
    await fc.assert(
      fc.asyncProperty(steps, async (plan) => {
        const dir = mkdtempSync(join(tmpdir(), "rapk-again-"));
        try {
          await holdsEachOnce(NdjsonFileStore.folder(dir), plan);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
