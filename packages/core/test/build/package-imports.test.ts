/// <reference types="node" />
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

// The package as users get it: dist/, reached through package.json "exports" by its own name
// (a package may import itself), from plain Node without a bundler or vitest's aliases.
const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const built = ["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts"];

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: packageDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

// A draft plan, a contribution one Rupiah over the line and one within it: the seed's figures.
const script = (load: string) => `${load}
const state = must(replay(must(decideBatch([
  { type: "draftPlan", data: { unit: "Loka POM di Kabupaten Rejang Lebong", agency: "BPOM", year: 2024, ceiling: 4801300000 } },
  { type: "defineObjective", data: { code: "01", name: "Sasaran" } },
  { type: "defineIndicator", data: { objective: "01", code: "01", name: "Persentase Obat yang memenuhi syarat", unit: "percent", direction: "higher", shape: "constant" } },
  { type: "registerBudgetLine", data: { output: { code: "DR.3165.QIA.005", name: "RO" }, component: { code: "053", name: "K" }, subComponent: { code: "A", name: "S" }, pagu: 125736000 } },
], initialState()))));
function must(r) { if (!r.ok) throw new Error(r.error.code); return r.value; }
const over = decide({ type: "allocateContribution", data: { indicator: "01.01", line: "DR.3165.QIA.005.053.A", amount: 125736001 } }, state);
const within = decide({ type: "allocateContribution", data: { indicator: "01.01", line: "DR.3165.QIA.005.053.A", amount: 70412160 } }, state);
console.log(JSON.stringify({ over: over.ok ? null : over.error.code, within: within.ok ? within.value : null, rupiah: formatRupiah(70412160) }));
`;

const expected = {
  over: "LINE_OVER_ALLOCATED",
  within: [{ type: "ContributionAllocated", data: { indicator: "01.01", line: "DR.3165.QIA.005.053.A", amount: 70_412_160 } }],
  rupiah: "Rp70.412.160",
};

describe("the built @rapk/core", () => {
  beforeAll(() => {
    // `pnpm test` builds first; a lone run of this project builds only what is missing.
    if (!built.every((file) => existsSync(`${packageDir}/${file}`)))
      execFileSync("pnpm", ["--filter", "@rapk/core", "build"], { cwd: packageDir, stdio: "ignore" });
  }, 120_000);

  it("has its ESM, CommonJS and type entry points", () => {
    for (const file of built) expect(existsSync(`${packageDir}/${file}`), file).toBe(true);
  });

  it("is imported from plain Node as ESM and decides a command", () => {
    const out = node(["--input-type=module", "-e", script(`import { decide, decideBatch, formatRupiah, initialState, replay } from "@rapk/core";`)]);
    expect(JSON.parse(out)).toEqual(expected);
  }, 30_000);

  it("is required from plain Node as CommonJS and decides a command", () => {
    const out = node(["-e", script(`const { decide, decideBatch, formatRupiah, initialState, replay } = require("@rapk/core");`)]);
    expect(JSON.parse(out)).toEqual(expected);
  }, 30_000);
});
