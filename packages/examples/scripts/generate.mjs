// Regenerates the shipped example logs from the seed text: `pnpm --filter @rapk/examples generate`.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderExamples } from "@rapk/examples";

const here = new URL("..", import.meta.url);
const seed = fileURLToPath(new URL("sources/rapk-2024-loka-pom-rejang-lebong.txt", here));
for (const [name, content] of Object.entries(renderExamples(readFileSync(seed, "utf8")))) {
  writeFileSync(new URL(name, here), content);
  console.log(`wrote packages/examples/${name}`);
}
