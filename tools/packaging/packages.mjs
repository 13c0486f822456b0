// The packages rapk publishes to npm, and how to pack them as npm would get them.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));

/** Every package under packages/ that is not private: `{ name, dir, manifest }`. */
export function publishedPackages() {
  return readdirSync(join(root, "packages"))
    .map((folder) => join(root, "packages", folder))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ name: manifest.name, dir, manifest }));
}

/**
 * pnpm, wherever it is: the one running this script (`npm_execpath` under `pnpm run` and
 * `npx pnpm`), else the one on the PATH. publint's own lookup needs it on the PATH and crashes
 * without it, which is why the scripts pack the tarballs themselves and hand them over.
 */
export function pnpmCommand() {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(basename(execPath))) return [process.execPath, [execPath]];
  try {
    execFileSync("pnpm", ["--version"], { stdio: "ignore" });
    return ["pnpm", []];
  } catch {
    throw new Error("pnpm is needed to pack the packages: run this through `pnpm` (or `npx -y pnpm@10.34.9`), or put pnpm on the PATH");
  }
}

export function pnpm(args, options = {}) {
  const [command, prefix] = pnpmCommand();
  return execFileSync(command, [...prefix, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...options });
}

/** Packs a package as `pnpm publish` would (workspace:* replaced by versions); returns the tarball's path. */
export function pack(dir, destination) {
  const out = pnpm(["pack", "--pack-destination", destination], { cwd: dir });
  const tarball = out.trim().split("\n").pop();
  if (!tarball?.endsWith(".tgz")) throw new Error(`pnpm pack in ${dir} printed no tarball:\n${out}`);
  return tarball.startsWith("/") ? tarball : join(destination, basename(tarball));
}
