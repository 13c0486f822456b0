import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// The child-process tests run the built binary, which loads the built workspace packages. When
// any of their sources is newer than the binary (or it is missing), build them first, once.
const root = fileURLToPath(new URL("../../../", import.meta.url));
const binary = join(root, "packages/cli/dist/rapk.js");
const sources = ["cli", "core", "history", "import", "report", "store", "server"].map((name) => join(root, "packages", name, "src"));

function newest(folder: string): number {
  if (!existsSync(folder)) return 0;
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  const built = existsSync(binary) ? statSync(binary).mtimeMs : 0;
  if (built > 0 && sources.every((folder) => newest(folder) <= built)) return;
  execFileSync("pnpm", ["--filter", "@rapk/cli...", "build"], { cwd: root, stdio: "inherit" });
}
