import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlanWriter, collect, draftCommands, metadataAt, reportCommands } from "../src/conformance/index.js";
import type { CommittedVersion } from "@rapk/history";
import { NdjsonFileStore } from "../src/file/index.js";

const RUNS = Number(process.env.RAPK_PROPERTY_RUNS) || 1000;
const PLANS = ["loka-pom-rejang-lebong-2024", "balai-pom-palangka-raya-2024", "loka-pom-kabupaten-ketapang-2024"];
// One recorded time for every version: the order must come from the commits, not the clock.
const AT = "2024-03-05T10:00:00+07:00";

describe("the folder store's commit order (property)", () => {
  it("given any interleaving of appends to three plans, some at once from separate handles, then a reader catching up after each round sees every version once at consecutive positions that never move, each plan's in version order, rounds in order", async () => {
    // Each round: the plans appended in it, at once (each its own handle, as its own process would).
    const rounds = fc.array(fc.subarray([0, 1, 2], { minLength: 1 }), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(rounds, async (plan) => {
        const dir = mkdtempSync(join(tmpdir(), "rapk-order-"));
        try {
          const writers = PLANS.map(() => new PlanWriter());
          const reader = NdjsonFileStore.folder(dir);
          const seen: { position: number; plan: string; version: number; round: number }[] = [];
          for (const [round, indices] of plan.entries()) {
            const appends = indices.map((index) => {
              const writer = writers[index] as PlanWriter;
              const first = writer.head.version === 0;
              const version: CommittedVersion = writer.next(first ? draftCommands() : reportCommands(Math.min(writer.head.version, 12)), metadataAt(AT, first ? "draft" : "report"));
              return NdjsonFileStore.folder(dir).append(PLANS[index] as string, version);
            });
            await Promise.all(appends);
            for (const commit of await collect(reader.readAll(seen.at(-1)?.position ?? 0))) seen.push({ position: commit.position, plan: commit.plan, version: commit.version.version, round });
          }
          const total = plan.reduce((sum, indices) => sum + indices.length, 0);
          expect(seen.map((s) => s.position)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
          for (const name of PLANS) {
            const versions = seen.filter((s) => s.plan === name).map((s) => s.version);
            expect(versions).toEqual(versions.map((_, i) => i + 1));
          }
          // Every round's versions are given after the round before it, and by the time it ends.
          expect(seen.map((s) => s.round)).toEqual(plan.flatMap((indices, round) => indices.map(() => round)));
          // A new handle (another process, later) reads the same positions.
          expect((await collect(NdjsonFileStore.folder(dir).readAll())).map((c) => [c.position, c.plan, c.version.version])).toEqual(seen.map((s) => [s.position, s.plan, s.version]));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
