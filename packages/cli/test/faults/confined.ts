import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BINARY, type Run } from "../helpers.js";

/** What the operating system does to the folder rapk works in. */
export type Fault = "disk-full" | "read-only" | "no-write-permission";

export interface ConfinedRun extends Run {
  /** Every file in the folder before rapk ran, `name sha256`, sorted (the disk's filler left out). */
  readonly before: readonly string[];
  /** The same, after. */
  readonly after: readonly string[];
}

// A real fault, not a mock: a tmpfs mounted in a private user and mount namespace (util-linux's
// unshare, which needs no root where user namespaces are enabled), filled to the last byte,
// remounted read-only, or made unwritable with every capability dropped (setpriv), so that even
// root meets EACCES. When a namespace cannot be made, the test fails saying so.
const SCRIPT = String.raw`
set -eu
mount -t tmpfs -o size=2m tmpfs "$DISK"
cp -a "$INPUTS"/. "$DISK"/
cd "$DISK"
listing() { find . -type f ! -name .filler -printf '%P\n' | LC_ALL=C sort | while read -r f; do echo "$f $(sha256sum "$f" | cut -c1-64)"; done; }
listing > "$OUT/before"
prefix=""
case "$FAULT" in
  disk-full) dd if=/dev/zero of=.filler bs=4096 2>/dev/null || true; dd if=/dev/zero of=.filler bs=1 oflag=append conv=notrunc 2>/dev/null || true ;;
  read-only) mount -o remount,ro "$DISK" ;;
  no-write-permission) chmod -R a-w "$DISK"; prefix="setpriv --bounding-set -all --inh-caps -all --" ;;
esac
set +e
$prefix "$NODE" "$BINARY" "$@" > "$OUT/stdout" 2> "$OUT/stderr"
echo $? > "$OUT/code"
listing > "$OUT/after"
`;

/**
 * Runs the built `rapk` with `argv` in a folder holding a copy of `inputs` (a folder), under
 * `fault`, and says what it printed, its exit code, and the folder's files before and after.
 */
export function confinedRun(work: string, inputs: string, fault: Fault, ...argv: string[]): ConfinedRun {
  const disk = join(work, "disk");
  const out = join(work, "out");
  mkdirSync(disk, { recursive: true });
  mkdirSync(out, { recursive: true });
  const run = spawnSync("unshare", ["--user", "--map-root-user", "--mount", "bash", "-c", SCRIPT, "confined", ...argv], {
    env: { PATH: process.env.PATH, DISK: disk, INPUTS: inputs, OUT: out, FAULT: fault, NODE: process.execPath, BINARY },
    encoding: "utf8",
    // Not a pipe on stdin: Node's is a socket, and bash reads ~/.bashrc when its stdin is one.
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`cannot confine rapk in a namespace with a tmpfs (unshare --user --map-root-user --mount, mount, setpriv from util-linux): exit ${run.status} ${run.error?.message ?? ""} ${run.stderr}`);
  const read = (name: string) => readFileSync(join(out, name), "utf8");
  const lines = (name: string) => read(name).split("\n").filter((line) => line !== "");
  return { code: Number(read("code")), stdout: read("stdout"), stderr: read("stderr"), before: lines("before"), after: lines("after") };
}
