import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The real plan, byte for byte as published (packages/examples/sources). */
export const SEED = readFileSync(fileURLToPath(new URL("../../../examples/sources/rapk-2024-loka-pom-rejang-lebong.txt", import.meta.url)), "utf8");

/** A test fixture from test/fixtures. */
export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), "utf8");
}

/** The seed's lines, 1-based: `seedLines()[11]` is line 11. */
export function seedLines(): string[] {
  return ["", ...SEED.split("\n")];
}

/** The seed with some lines replaced (by 1-based number); `null` removes a line. */
export function editSeed(edits: Record<number, string | null>): string {
  return seedLines()
    .slice(1)
    .flatMap((line, i) => {
      const edit = edits[i + 1];
      return edit === undefined ? [line] : edit === null ? [] : [edit];
    })
    .join("\n");
}

/** One tab-separated cell of a seed line replaced (0-based column). */
export function withCell(lineNumber: number, col: number, text: string): string {
  const cells = (seedLines()[lineNumber] as string).split("\t");
  cells[col] = text;
  return cells.join("\t");
}
