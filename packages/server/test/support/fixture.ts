import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { type CommittedVersion, appendRevision, headAfter, parseLog, serializeVersions } from "@rapk/history";
import { type SigningKey, generateSigningKey, signHead, signVersion } from "@rapk/history/signing";
import { NdjsonFileStore } from "@rapk/store/file";
import { type Member, type Role, type RosterLookup, type RunningServer, type StartOptions, startServer } from "../../src/index.js";

export const EXAMPLE_LOG = fileURLToPath(new URL("../../../examples/loka-pom-rejang-lebong-2024-history.ndjson", import.meta.url));
export const EXAMPLE_PLAN = fileURLToPath(new URL("../../../examples/loka-pom-rejang-lebong-2024.ndjson", import.meta.url));

/** A person with a key: signs in as the member their key is in a plan's roster. */
export interface Person {
  readonly name: string;
  readonly key: SigningKey;
}

export const person = (name: string): Person => ({ name, key: generateSigningKey() });

/** Two units' plans: unit A (the example's six months) and unit B (the imported plan alone). */
export const PLAN_A = "unit-a-2024";
export const PLAN_B = "unit-b-2024";

/**
 * The roster the server sees, until the plans' logs carry one: plan -> role -> person. The
 * lookup is the one function the server reads members through (RosterLookup).
 */
export function fixtureRoster(members: Readonly<Record<string, Readonly<Partial<Record<Role, Person>>>>>): RosterLookup {
  return (plan) =>
    Object.entries(members[plan] ?? {}).map(([role, who]): Member => ({ member: `${role}-${who?.name}`, name: (who as Person).name, role: role as Role, publicKey: (who as Person).key.publicKey }));
}

export interface Served {
  readonly server: RunningServer;
  readonly folder: string;
  readonly store: NdjsonFileStore;
  stop(): Promise<void>;
}

/** A folder holding plans A and B (and the logs given), served on a free loopback port. */
export async function serveFolder(options: Omit<StartOptions, "store" | "port" | "host"> = {}, logs: Readonly<Record<string, string>> = {}): Promise<Served> {
  const folder = await mkdtemp(join(tmpdir(), "rapk-serve-"));
  await copyFile(EXAMPLE_LOG, join(folder, `${PLAN_A}.ndjson`));
  await copyFile(EXAMPLE_PLAN, join(folder, `${PLAN_B}.ndjson`));
  for (const [plan, text] of Object.entries(logs)) await writeFile(join(folder, `${plan}.ndjson`), text);
  const store = NdjsonFileStore.folder(folder);
  const server = await startServer({ ...options, store, port: 0, host: "127.0.0.1" });
  return {
    server,
    folder,
    store,
    stop: async () => {
      await server.close();
      await store.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A browser as the server sees one: it keeps the session cookie, sends the site's Origin with
 * writes and the CSRF token it was given.
 */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(readonly base: string) {}

  async fetch(path: string, init: RequestInit & { origin?: string | null; csrf?: string | null } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie !== undefined) headers.set("cookie", this.cookie);
    const method = (init.method ?? "GET").toUpperCase();
    if (method !== "GET") {
      const origin = init.origin === undefined ? this.base : init.origin;
      if (origin !== null) headers.set("origin", origin);
      const csrf = init.csrf === undefined ? this.csrf : init.csrf;
      if (csrf != null) headers.set("x-csrf-token", csrf);
      if (init.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
    }
    const response = await fetch(this.base + path, { ...init, headers, redirect: "manual" });
    const set = response.headers.get("set-cookie");
    if (set !== null) this.cookie = /max-age=0/i.test(set) ? undefined : set.split(";")[0];
    return response;
  }

  post(path: string, body?: unknown, init: { origin?: string | null; csrf?: string | null } = {}): Promise<Response> {
    return this.fetch(path, { method: "POST", ...init, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  }

  /** Signs in with the person's key: a challenge, signed, sent back. */
  async signIn(who: Person): Promise<Response> {
    const challenge = (await (await this.post("/api/session/challenge")).json()) as { challenge: string; message: string };
    const response = await this.post("/api/session", { challenge: challenge.challenge, publicKey: who.key.publicKey, signature: signHead(challenge.message, who.key.secretKey).signature });
    if (response.ok) this.csrf = ((await response.clone().json()) as { csrfToken: string }).csrfToken;
    return response;
  }
}

/** A third unit whose log keeps its own roster (the server reads members from it): plan C. */
export const PLAN_C = "unit-c-2024";

/**
 * Plan C's log: the imported plan, then a roster version founded and signed by the head, adding
 * every person given with their role, as `rapk member add` writes it.
 */
export function rosteredLog(members: Readonly<Partial<Record<Role, Person>>>): string {
  const parsed = parseLog(readFileSync(EXAMPLE_PLAN, "utf8"));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { events, versions } = parsed.value;
  const head = members.head as Person;
  const commands = Object.entries(members).map(([role, who]) => ({ type: "addMember", data: { member: memberIdOf(role as Role), name: (who as Person).name, role, publicKey: (who as Person).key.publicKey } }));
  const roster = appendRevision(events, { meta: { actor: head.name, reason: "the unit's team", kind: "roster" }, commands }, { head: headAfter(versions[versions.length - 1] as CommittedVersion), now: () => "2024-02-23T09:00:00+07:00" });
  if (!roster.ok) throw new Error(roster.error.message);
  return serializeVersions([...versions, signVersion(roster.sealed, head.key.secretKey)]);
}

/** The member id plan C's roster gives a role's person. */
export const memberIdOf = (role: Role): string => `${role}.c`;
