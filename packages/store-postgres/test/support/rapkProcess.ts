import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { RapkRun } from "./rapkInProcess.js";

/** The repository's root, where the seed and the built CLI are found. */
export const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const RAPK = fileURLToPath(new URL("../../../cli/dist/rapk.js", import.meta.url));

/**
 * Runs the built `rapk` as its own Node process in `cwd` (the repository's root by default), as a
 * user would; resolves with its exit code and output whatever the code. Tests that race several
 * writers need processes, not rapkInProcess's one `main`.
 */
export async function rapkProcess(args: readonly string[], cwd = ROOT): Promise<RapkRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)("node", [RAPK, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
