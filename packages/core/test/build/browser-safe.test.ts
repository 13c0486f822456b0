/// <reference types="node" />
import { readFileSync, readdirSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// @rapk/core runs in the viewer too: its sources may import only each other and its
// dependencies (zod, date-fns and its time-zone companion @date-fns/tz), never a Node built-in.
const srcDir = fileURLToPath(new URL("../../src", import.meta.url));
const allowed = (spec: string) => ["zod", "date-fns", "@date-fns/tz"].some((name) => spec === name || spec.startsWith(`${name}/`));
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

/** Every module specifier a file names: static imports and re-exports, dynamic imports, require. */
export function specifiers(code: string): string[] {
  const found: string[] = [];
  for (const pattern of [/\b(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\bimport\s*\(\s*["']([^"']+)["']/g, /\brequire\s*\(\s*["']([^"']+)["']/g])
    for (const match of code.matchAll(pattern)) found.push(match[1]!);
  return found;
}

describe("the sources of @rapk/core", () => {
  const files = sources(srcDir);

  it("are found", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("import no Node built-in (fs, path, crypto, node:...) and nothing but their own files and zod, date-fns, @date-fns/tz", () => {
    const offending = files.flatMap((file) =>
      specifiers(readFileSync(file, "utf8"))
        .filter((spec) => builtins.has(spec) || spec.startsWith("node:") || !(spec.startsWith(".") || allowed(spec)))
        .map((spec) => `${relative(srcDir, file)}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it("use no Node globals (process, Buffer, __dirname, require)", () => {
    const offending = files.filter((file) => /\b(process\.|Buffer\.|__dirname|__filename|require\()/.test(readFileSync(file, "utf8"))).map((file) => relative(srcDir, file));
    expect(offending).toEqual([]);
  });
});

describe("the import scanner", () => {
  it("finds every form of import, so the check above can fail", () => {
    const code = [
      `import { readFileSync } from "node:fs";`,
      `import * as path from "path";`,
      `export { x } from "./x.js";`,
      `import type { Draft } from "immer";`,
      `import "crypto";`,
      `const m = await import("node:crypto");`,
      `const fs = require("fs");`,
      `import {\n  a,\n  b,\n} from "zod";`,
    ].join("\n");
    expect(specifiers(code)).toEqual(["node:fs", "path", "./x.js", "immer", "zod", "crypto", "node:crypto", "fs"]);
  });
});
