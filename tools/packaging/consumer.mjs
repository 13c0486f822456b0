// A throwaway project outside the workspace that installs the packed tarballs, offline: the
// @rapk packages from their files, everything else from the pnpm store the workspace filled.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pack, pnpm, publishedPackages, root } from "./packages.mjs";

/** The blocks of one top-level section of a pnpm lockfile (v9), by their key (`zod@4.6.7`). */
function sectionBlocks(lockfile, section) {
  const start = lockfile.indexOf(`\n${section}:\n`);
  if (start < 0) throw new Error(`the workspace lockfile has no ${section}: section`);
  const rest = lockfile.slice(start + section.length + 3);
  const end = rest.search(/\n[^\s\n]/);
  const blocks = new Map();
  for (const block of (end < 0 ? rest : rest.slice(0, end + 1)).split(/\n(?=  \S)/)) {
    const header = block.match(/^ {2}('?)(.+?)\1:/m);
    if (header) blocks.set(header[2], block.replace(/^\n+|\n+$/g, ""));
  }
  return blocks;
}

const quote = (key) => (/^[@']/.test(key) ? `'${key}'` : key);
const bareVersion = (version) => version.replace(/\(.*$/, "");

/**
 * The consumer's lockfile: pnpm cannot resolve a version offline without registry metadata the
 * workspace's frozen install never fetched, so every package comes pinned, with its integrity:
 * the tarballs' from their bytes, the others' copied from the workspace lockfile.
 */
function lockfileFor(tarballs, extra) {
  const workspace = readFileSync(join(root, "pnpm-lock.yaml"), "utf8");
  const packages = sectionBlocks(workspace, "packages");
  const snapshots = sectionBlocks(workspace, "snapshots");
  const own = new Map(tarballs.map((t) => [t.name, `file:packs/${basename(t.tarball)}`]));
  const versionOf = (name, spec) => own.get(name) ?? resolved.get(name) ?? spec;

  const needed = new Set();
  // A package resolved with peers is keyed with them (`fs-native-extensions@1.5.1(bare-url@2.5.8)`):
  // a bare `name@version` from a manifest stands for its one snapshot, whatever its peers.
  const snapshotKey = (key) => {
    if (snapshots.has(key)) return key;
    const withPeers = [...snapshots.keys()].filter((k) => k.startsWith(`${key}(`));
    if (withPeers.length !== 1) throw new Error(`${key} is not in the workspace lockfile: pin it exactly in package.json`);
    return withPeers[0];
  };
  const visit = (wanted) => {
    const key = snapshotKey(wanted);
    if (needed.has(key)) return key;
    needed.add(key);
    for (const [, name, version] of snapshots.get(key).matchAll(/^ {6}'?([^':]+)'?: (\S+)$/gm)) visit(`${name}@${version}`);
    for (const [, peer] of key.matchAll(/\(([^()]+)\)/g)) visit(peer);
    return key;
  };
  const resolved = new Map();
  const resolve = (name, version) => {
    const key = visit(`${name}@${version}`);
    resolved.set(name, key.slice(name.length + 1));
  };
  const third = (deps) => Object.entries(deps ?? {}).filter(([name]) => !own.has(name));
  for (const t of tarballs) for (const [name, version] of third(t.manifest.dependencies)) resolve(name, version);
  for (const [name, version] of Object.entries(extra)) resolve(name, version);

  const importer = [...[...own].map(([name, file]) => [name, file, file]), ...Object.entries(extra).map(([n, v]) => [n, v, resolved.get(n) ?? v])]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, specifier, version]) => `      ${quote(name)}:\n        specifier: ${specifier}\n        version: ${version}`)
    .join("\n");
  const ownPackages = tarballs.map(({ name, tarball, manifest }) => {
    const integrity = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
    const lines = [`  ${quote(`${name}@${own.get(name)}`)}:`, `    resolution: {integrity: ${integrity}, tarball: ${own.get(name)}}`, `    version: ${manifest.version}`];
    if (manifest.engines?.node) lines.push(`    engines: {node: '${manifest.engines.node}'}`);
    if (manifest.bin) lines.push("    hasBin: true");
    return lines.join("\n");
  });
  const ownSnapshots = tarballs.map(({ name, manifest }) => {
    const deps = Object.entries(manifest.dependencies ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
    if (deps.length === 0) return `  ${quote(`${name}@${own.get(name)}`)}: {}`;
    return [`  ${quote(`${name}@${own.get(name)}`)}:`, "    dependencies:", ...deps.map(([n, v]) => `      ${quote(n)}: ${versionOf(n, v)}`)].join("\n");
  });
  const thirdPackages = [...new Set([...needed].map(bareVersion))].map((key) => {
    const block = packages.get(key);
    if (!block) throw new Error(`${key} has no packages: entry in the workspace lockfile`);
    return block;
  });
  const thirdSnapshots = [...needed].map((key) => snapshots.get(key));
  const overrides = [...own].map(([name, file]) => `  ${quote(name)}: ${file}`).join("\n");
  return [
    "lockfileVersion: '9.0'",
    "",
    "settings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false",
    "",
    `overrides:\n${overrides}`,
    "",
    `importers:\n\n  .:\n    dependencies:\n${importer}`,
    "",
    `packages:\n\n${[...ownPackages, ...thirdPackages].join("\n\n")}`,
    "",
    `snapshots:\n\n${[...ownSnapshots, ...thirdSnapshots].join("\n\n")}`,
    "",
  ].join("\n");
}

/**
 * Packs every published package into `dir`/packs and installs them into `dir` (which must be
 * outside the workspace) with `extra` (exact versions the workspace lockfile holds, such as
 * @types/node). Returns the packed packages.
 */
export function installConsumer(dir, extra = {}) {
  mkdirSync(join(dir, "packs"), { recursive: true });
  const tarballs = publishedPackages().map(({ name, dir: packageDir }) => {
    const tarball = pack(packageDir, join(dir, "packs"));
    return { name, tarball, manifest: JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) };
  });
  // The packed manifest has workspace:* replaced by the version; only the tarball's files matter.
  const own = Object.fromEntries(tarballs.map((t) => [t.name, `file:packs/${basename(t.tarball)}`]));
  const manifest = { name: "rapk-consumer", private: true, type: "module", dependencies: { ...own, ...extra }, pnpm: { overrides: own } };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, "pnpm-lock.yaml"), lockfileFor(tarballs, extra));
  pnpm(["install", "--offline", "--frozen-lockfile", "--config.confirm-modules-purge=false"], { cwd: dir });
  return tarballs;
}
