import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdtemp, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import { RapkError } from "@rapk/core";

const run = promisify(execFile);

/** The user a server started by root runs as, and the folder of programs that user can run. */
export interface ServerUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  readonly bin: string;
}

/**
 * PostgreSQL refuses to run as root: as root, the server runs as `postgres` (Debian's package makes
 * it) or else `nobody` (on every machine). When that user cannot run the programs in `bin` (a
 * checkout under /root, which only root may enter), their installation (bin with its lib and share)
 * is copied once to a folder under the temporary folder that every user may read.
 */
export async function serverUser(bin: string): Promise<ServerUser> {
  const user = (await userIds("postgres")) ?? (await userIds("nobody"));
  if (user === undefined)
    throw new RapkError("STORE_UNAVAILABLE", "there is neither a `postgres` nor a `nobody` user to run PostgreSQL as (PostgreSQL refuses root; on Debian: apt-get install postgresql)");
  if (await runsAs(user.name, bin)) return { ...user, bin };
  const copied = await readableCopy(dirname(bin));
  const copiedBin = join(copied, basename(bin));
  if (!(await runsAs(user.name, copiedBin)))
    throw new RapkError("STORE_UNAVAILABLE", `the user ${user.name} cannot run ${join(bin, "postgres")}, nor its copy in ${copiedBin}`);
  return { ...user, bin: copiedBin };
}

async function userIds(name: string): Promise<{ name: string; uid: number; gid: number } | undefined> {
  try {
    const [uid, gid] = await Promise.all([run("id", ["-u", name]), run("id", ["-g", name])]);
    return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

async function runsAs(user: string, bin: string): Promise<boolean> {
  try {
    await run("runuser", ["-u", user, "--", join(bin, "postgres"), "--version"]);
    return true;
  } catch {
    return false;
  }
}

/** A copy of `installation` under the temporary folder, made once per installation path. */
async function readableCopy(installation: string): Promise<string> {
  const target = join(tmpdir(), `rapk-postgres-${createHash("sha256").update(installation).digest("hex").slice(0, 16)}`);
  if (existsSync(target)) return target;
  // Copied beside the target then renamed, so a concurrent start never sees half a copy.
  const partial = await mkdtemp(`${target}-partial-`);
  try {
    await cp(installation, partial, { recursive: true, verbatimSymlinks: true });
    await run("chmod", ["-R", "a+rX", partial]);
    await rename(partial, target).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(target)) throw error;
    });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return target;
}
