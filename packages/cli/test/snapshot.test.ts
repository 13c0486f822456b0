import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { POK_SHIFT, importedSeed, rapk, writeJson } from "./helpers.js";

const SNAPSHOT = "plan.ndjson.snapshot.json";

async function show(folder: string, ...extra: string[]): Promise<string> {
  const run = await rapk(folder, "show", "plan.ndjson", ...extra);
  if (run.code !== 0) throw new Error(`show failed: ${run.stderr}`);
  return run.stdout;
}

/** Marks the plan in the snapshot beside the log, so that a show printing from it shows the mark. */
function markSnapshot(folder: string): void {
  const snapshot = JSON.parse(readFileSync(join(folder, SNAPSHOT), "utf8"));
  snapshot.state.plan.unit = "MARKED";
  writeFileSync(join(folder, SNAPSHOT), JSON.stringify(snapshot));
}

describe("the snapshot beside a log (a cache of the plan at its head)", () => {
  it("given a log, when shown twice, then the second show reads the snapshot written by the first and prints the same", async () => {
    const folder = await importedSeed();
    const cold = await show(folder, "--json");
    expect(existsSync(join(folder, SNAPSHOT))).toBe(true);
    // The snapshot is what the second show prints from: a marked copy of it shows the mark.
    const snapshot = JSON.parse(readFileSync(join(folder, SNAPSHOT), "utf8"));
    // Format 3 keeps the import's record beside the plan, so a show from the snapshot still lists the findings.
    expect(snapshot).toMatchObject({ format: "rapk-snapshot/6", version: 1, imports: [{ number: 1, importer: expect.stringMatching(/^@rapk\/import@/) }] });
    expect(snapshot.imports[0].findings).toHaveLength(21);
    expect(await show(folder, "--json")).toBe(cold);
    markSnapshot(folder);
    expect(await show(folder, "--json")).toContain("MARKED");
  });

  it("given a snapshot of an older head, when the log has a new version, then the snapshot is ignored and written again", async () => {
    const folder = await importedSeed();
    await show(folder);
    markSnapshot(folder);
    writeJson(folder, "pok.json", POK_SHIFT);
    expect((await rapk(folder, "apply", "plan.ndjson", "pok.json", "--expect-version", "1")).code).toBe(0);
    const after = await show(folder, "--json");
    expect(after).not.toContain("MARKED");
    expect(JSON.parse(readFileSync(join(folder, SNAPSHOT), "utf8")).version).toBe(2);
    // The same as a show with no snapshot at all.
    rmSync(join(folder, SNAPSHOT));
    expect(await show(folder, "--json")).toBe(after);
  });

  it("given a snapshot that names the right head but another size, or that is not JSON, then it is ignored", async () => {
    const folder = await importedSeed();
    const cold = await show(folder, "--json");
    const snapshot = JSON.parse(readFileSync(join(folder, SNAPSHOT), "utf8"));
    writeFileSync(join(folder, SNAPSHOT), JSON.stringify({ ...snapshot, bytes: snapshot.bytes + 1, state: { ...snapshot.state, plan: { ...snapshot.state.plan, unit: "MARKED" } } }));
    expect(await show(folder, "--json")).toBe(cold);
    writeFileSync(join(folder, SNAPSHOT), "{not json");
    expect(await show(folder, "--json")).toBe(cold);
  });

  it("given no snapshot, when the head is shown, then the log's one folding read prints what opening its history prints", async () => {
    const folder = await importedSeed();
    writeJson(folder, "pok.json", POK_SHIFT);
    expect((await rapk(folder, "apply", "plan.ndjson", "pok.json", "--expect-version", "1")).code).toBe(0);
    // --as-of opens the log's history (a state per version); the head alone is folded as it is read.
    for (const format of [[], ["--json"]]) {
      rmSync(join(folder, SNAPSHOT), { force: true });
      const head = await show(folder, ...format);
      expect(existsSync(join(folder, SNAPSHOT))).toBe(true);
      expect(head).toBe(await show(folder, "--as-of", "2", ...format));
    }
    expect(JSON.parse(readFileSync(join(folder, SNAPSHOT), "utf8")).imports.map((v: { number: number }) => v.number)).toEqual([1]);
  });

  it("given a log with an event that cannot apply, when the head is shown, then it fails naming the line (the edited one, whose hash no longer holds) as --as-of does", async () => {
    const folder = await importedSeed();
    const lines = readFileSync(join(folder, "plan.ndjson"), "utf8").split("\n");
    // A budget line's data replaced by the first line's: every line reads, the fold refuses the plan.
    const index = lines.findIndex((line) => line.includes('"type":"BudgetLineRegistered"'));
    const other = lines.findIndex((line, i) => i > index && line.includes('"type":"BudgetLineRegistered"'));
    const broken = [...lines];
    broken[other] = (lines[other] as string).replace(/"data":\{.*\},"prev"/, (lines[index] as string).match(/"data":\{.*\},"prev"/)?.[0] ?? "");
    writeFileSync(join(folder, "plan.ndjson"), broken.join("\n"));
    const head = await rapk(folder, "show", "plan.ndjson");
    const asOf = await rapk(folder, "show", "plan.ndjson", "--as-of", "1");
    expect(head.code).toBe(1);
    expect(head.stderr).toBe(asOf.stderr);
    expect(head.stderr).toMatch(/^rapk: plan\.ndjson:\d+: does not verify: HASH_MISMATCH: /);
    expect(existsSync(join(folder, SNAPSHOT))).toBe(false);
  });

  it("is used only at the head: --as-of reads the log", async () => {
    const folder = await importedSeed();
    await show(folder);
    markSnapshot(folder);
    expect(await show(folder, "--as-of", "1", "--json")).not.toContain("MARKED");
  });

  it("gives diff --from a version its head: the same diff as from the log, and only to the head", async () => {
    // Given a log of two versions, diffed once from the log (which leaves the snapshot),
    const folder = await importedSeed();
    writeJson(folder, "pok.json", POK_SHIFT);
    expect((await rapk(folder, "apply", "plan.ndjson", "pok.json", "--expect-version", "1")).code).toBe(0);
    const diff = async (...extra: string[]) => (await rapk(folder, "diff", "plan.ndjson", "--from", "1", "--json", ...extra)).stdout;
    const cold = await diff();
    expect(JSON.parse(readFileSync(join(folder, SNAPSHOT), "utf8")).version).toBe(2);
    // when diffed again, then it is the same diff, now with the snapshot's head (a mark in it shows),
    expect(await diff()).toBe(cold);
    markSnapshot(folder);
    expect(await diff()).toContain("MARKED");
    // and a diff to a named version reads the log.
    expect(await diff("--to", "2")).toBe(cold);
  });
});
