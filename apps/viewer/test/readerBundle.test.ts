// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type Rollup, build } from "vite";
import { afterAll, describe, expect, it } from "vitest";
import { workspaceAliases } from "../../../vitest.aliases.js";

const folder = mkdtempSync(join(tmpdir(), "rapk-reader-bundle-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A page of an embedder's own: core's plan and history's reader (parse, verify), nothing of the viewer. */
const PAGE = `import { initialState } from "@rapk/core";
import { parseLog, verifyLog } from "@rapk/history";
const text = globalThis.logText ?? "";
console.log(parseLog(text).ok, verifyLog(text).ok, initialState());
`;

/** The page built as the viewer is built (Vite, minified for the browser), as one file. */
async function built(): Promise<{ code: string; modules: readonly string[] }> {
  const entry = join(folder, "page.js");
  writeFileSync(entry, PAGE);
  const output = await build({
    configFile: false,
    logLevel: "silent",
    resolve: { alias: workspaceAliases },
    build: { write: false, minify: true, target: "es2022", lib: { entry, formats: ["es"], fileName: "page" } },
  });
  const result = (Array.isArray(output) ? output[0] : output) as Rollup.RollupOutput;
  const chunks = result.output.filter((file): file is Rollup.OutputChunk => file.type === "chunk");
  expect(chunks).toHaveLength(1);
  const chunk = chunks[0] as Rollup.OutputChunk;
  return { code: chunk.code, modules: Object.keys(chunk.modules).filter((id) => chunk.modules[id]!.renderedLength > 0) };
}

describe("a browser page using only core and history's reader", () => {
  it("is under 70 kB gzipped, with none of zod's locale files but the English it speaks by default", async () => {
    const { code, modules } = await built();
    const gzipped = gzipSync(code, { level: 9 }).length;
    console.log(`core + history's reader page: ${(code.length / 1024).toFixed(1)} kB minified, ${(gzipped / 1024).toFixed(1)} kB gzipped`);
    expect(modules.some((id) => id.includes("/packages/history/src/versionReader.ts"))).toBe(true);
    expect(modules.filter((id) => /zod\/.*locales\//.test(id)).map((id) => id.slice(id.lastIndexOf("/") + 1))).toEqual(["en.js"]);
    expect(gzipped).toBeLessThan(70 * 1024);
  }, 120_000);
});
