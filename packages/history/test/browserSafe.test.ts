import { readFileSync, readdirSync } from "node:fs";
import { builtinModules } from "node:module";
import { describe, expect, it } from "vitest";

const src = new URL("../src/", import.meta.url);
const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts"));
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

describe("@rapk/history is browser-safe", () => {
  it("imports no Node built-in and uses no Node global", () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(new URL(file, src), "utf8");
      const imports = [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1] as string);
      expect(imports.filter((name) => builtins.has(name) || name.startsWith("node:")), file).toEqual([]);
      expect(text, file).not.toMatch(/\b(process|Buffer|require|__dirname)\b[.(]/);
    }
  });
});
