import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PlanCommand } from "@rapk/core";
import { type CommittedVersion, appendRevision, auditVersions, headAfter, parseLog } from "@rapk/history";
import { type SigningKey, checkSignature, generateSigningKey, signHead, signVersion } from "@rapk/history/signing";
import type { EventStore } from "@rapk/store";
import { NdjsonFileStore } from "@rapk/store/file";
import { PostgresEventStore, startThrowawayCluster } from "@rapk/store-postgres";
import { percentile } from "../measure.js";
import { type Row, ms } from "../report.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const PLAN_LOG = join(ROOT, "packages/examples/loka-pom-rejang-lebong-2024.ndjson");
const LINE = "DR.3165.QIA.005.053.A";
const HEADS = 10;
const OFFICERS = 40;

/**
 * The server under load (issue 22): 50 simulated members, 40 officers proposing June's spending
 * report and 10 heads approving what waits, each step prepared by the server and signed by the
 * member's key, for `RAPK_BENCH_SERVE_SECONDS` (60) against one plan and against 200, on a folder
 * of logs and on PostgreSQL. Halfway through each run the server process is killed with SIGKILL
 * and started again. Then every acknowledged version must be in its plan's log exactly once and
 * every plan must verify, pinned to its head's key.
 */
export async function serveLoadSuite(log: (message: string) => void): Promise<Row[]> {
  const seconds = Number(process.env.RAPK_BENCH_SERVE_SECONDS) || 60;
  const members = [...Array.from({ length: HEADS }, (_, i) => ({ id: `kepala${i}`, role: "head" as const, key: generateSigningKey() })), ...Array.from({ length: OFFICERS }, (_, i) => ({ id: `perencana${i}`, role: "officer" as const, key: generateSigningKey() }))];
  const root = members[0] as Member;
  const versions = planVersions(members);
  const rows: Row[] = [];
  const cluster = await startThrowawayCluster({ settings: { fsync: "on" } });
  try {
    for (const storeKind of ["folder", "postgres"] as const) {
      for (const plans of [1, 200]) {
        const folder = mkdtempSync(join(tmpdir(), "rapk-bench-serve-"));
        try {
          const database = storeKind === "postgres" ? await freshDatabase(cluster.url, `serve_${plans}`) : undefined;
          const target = database ?? folder;
          const ids = Array.from({ length: plans }, (_, i) => `unit-${i}-2024`);
          log(`serve: ${storeKind}, ${plans} plan(s): writing them`);
          await seed(target, ids, versions);
          const result = await loadRun(target, ids, members, seconds, log);
          const check = await checkPlans(target, ids, result.acknowledged, root.key.publicKey);
          const name = `rapk serve, ${storeKind === "folder" ? "a folder of logs" : "PostgreSQL"}, ${plans === 1 ? "one plan" : `${plans} plans`}: 50 members proposing and approving for ${seconds} s, SIGKILL and restart halfway`;
          rows.push({
            name,
            measured: `${(result.proposals / seconds).toFixed(1)} proposals/s and ${(result.approvals / seconds).toFixed(1)} approvals/s; step p50 ${ms(percentile(result.latencies, 50))}, p99 ${ms(percentile(result.latencies, 99))}; ${result.conflicts} conflicts retried, ${result.downErrors} calls refused while the server was down; acknowledged ${result.acknowledged.length}: ${check.lost} lost, ${check.duplicated} duplicated; ${check.verified}/${plans} plans verify`,
            goal: "0 lost, 0 duplicated, every plan verifies (throughput and latency: report)",
            p99Ms: percentile(result.latencies, 99),
            pass: check.lost === 0 && check.duplicated === 0 && check.verified === plans,
            figures: {
              proposalsPerSecond: result.proposals / seconds,
              approvalsPerSecond: result.approvals / seconds,
              p50Ms: percentile(result.latencies, 50),
              p99Ms: percentile(result.latencies, 99),
              conflicts: result.conflicts,
              acknowledged: result.acknowledged.length,
              lost: check.lost,
              duplicated: check.duplicated,
            },
          });
          log(`serve: ${rows.at(-1)?.measured}`);
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      }
    }
  } finally {
    await cluster.stop();
  }
  return rows;
}

interface Member {
  readonly id: string;
  readonly role: "head" | "officer";
  readonly key: SigningKey;
}

/** The imported plan and a roster version founded by the first head, adding every member. */
function planVersions(members: readonly Member[]): CommittedVersion[] {
  const parsed = parseLog(readFileSync(PLAN_LOG, "utf8"));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { events, versions } = parsed.value;
  const commands = members.map((m) => ({ type: "addMember", data: { member: m.id, name: m.id, role: m.role, publicKey: m.key.publicKey } })) as PlanCommand[];
  const roster = appendRevision(events, { meta: { actor: members[0]?.id ?? "", reason: "the unit's team", kind: "roster" }, commands }, { head: headAfter(versions.at(-1) as CommittedVersion), now: () => "2024-02-23T09:00:00+07:00" });
  if (!roster.ok) throw new Error(roster.error.message);
  return [...versions, signVersion(roster.sealed, (members[0] as Member).key.secretKey)];
}

async function openStore(target: string): Promise<EventStore> {
  return target.startsWith("postgres://") ? PostgresEventStore.open(target) : NdjsonFileStore.folder(target);
}

async function seed(target: string, plans: readonly string[], versions: readonly CommittedVersion[]): Promise<void> {
  const store = await openStore(target);
  try {
    for (const plan of plans) for (const [i, version] of versions.entries()) await store.append(plan, version, { expectedVersion: i });
  } finally {
    await store.close();
  }
}

async function freshDatabase(url: string, name: string): Promise<string> {
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return fresh.toString();
}

/** The server in a process of its own, so that it can be killed: rapk's startServer with the clock of July 2024 (the plan's year) going on from `base`. */
function startChild(target: string, port: number, base: number): Promise<{ child: ChildProcess; url: string }> {
  const script = `
    import { startServer, openServerStore } from ${JSON.stringify(join(ROOT, "packages/server/dist/index.js"))};
    const { store } = await openServerStore(process.argv[1]);
    const started = Date.now();
    const server = await startServer({ store, port: Number(process.argv[2]), host: "127.0.0.1", now: () => Number(process.argv[3]) + (Date.now() - started), signInLimit: { attempts: 100000, windowMs: 60000 } });
    console.log("listening " + server.url);`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script, target, String(port), String(base)], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening (\S+)/.exec(out);
      if (found) resolve({ child, url: found[1] as string });
    });
    child.on("exit", (code) => reject(new Error(`the server exited (${code}) before it listened`)));
  });
}

/** A member's browser: the session cookie, the CSRF token, the key that signs. */
class Browser {
  private cookie = "";
  private csrf = "";
  constructor(
    private readonly base: () => string,
    readonly member: Member,
  ) {}

  async call(path: string, body?: unknown): Promise<{ status: number; json: any }> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (body !== undefined) Object.assign(headers, { "content-type": "application/json", origin: this.base(), "x-csrf-token": this.csrf });
    const response = await fetch(this.base() + path, { method: body === undefined ? "GET" : "POST", headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const set = response.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0] as string;
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  }

  async signIn(): Promise<void> {
    const challenge = (await this.call("/api/session/challenge", {})).json as { challenge: string; message: string };
    const done = await this.call("/api/session", { challenge: challenge.challenge, publicKey: this.member.key.publicKey, signature: signHead(challenge.message, this.member.key.secretKey).signature });
    if (done.status !== 200) throw new Error(`sign-in ${done.status}`);
    this.csrf = done.json.csrfToken;
  }

  /** Prepares a step, signs its head, sends the signature: the step's version and head, or the status that refused it. */
  async step(plan: string, step: Record<string, unknown>): Promise<{ status: number; version?: number; head?: string }> {
    const versions = await this.call(`/api/plans/${plan}/versions`);
    if (versions.status !== 200) return { status: versions.status };
    const prepared = await this.call(`/api/plans/${plan}/steps`, { ...step, expectVersion: versions.json.versions.length });
    if (prepared.status !== 200) return { status: prepared.status };
    const landed = await this.call(`/api/plans/${plan}/steps/${prepared.json.draft}`, { signature: signHead(prepared.json.head, this.member.key.secretKey).signature });
    return landed.status === 201 ? { status: 201, version: landed.json.version, head: landed.json.head } : { status: landed.status };
  }
}

interface LoadResult {
  proposals: number;
  approvals: number;
  conflicts: number;
  downErrors: number;
  latencies: number[];
  acknowledged: { plan: string; version: number; head: string }[];
}

async function loadRun(target: string, plans: readonly string[], members: readonly Member[], seconds: number, log: (message: string) => void): Promise<LoadResult> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  let server = await startChild(target, port, Date.parse("2024-07-05T03:00:00Z"));
  const result: LoadResult = { proposals: 0, approvals: 0, conflicts: 0, downErrors: 0, latencies: [], acknowledged: [] };
  const ends = Date.now() + seconds * 1000;
  let down = false;
  const pick = () => plans[Math.floor(Math.random() * plans.length)] as string;
  const act = async (browser: Browser) => {
    let signedIn = false;
    while (Date.now() < ends) {
      try {
        if (!signedIn) {
          await browser.signIn();
          signedIn = true;
        }
        const plan = pick();
        const started = performance.now();
        let outcome: { status: number; version?: number; head?: string };
        if (browser.member.role === "officer") {
          outcome = await browser.step(plan, { step: "propose", kind: "report", reason: "laporan Juni", commands: [{ type: "reportSpending", data: { line: LINE, month: 6, amount: 1_000_000 + Math.floor(Math.random() * 1_000_000) } }] });
        } else {
          const waiting = await browser.call(`/api/plans/${plan}/proposals`);
          const pending = (waiting.json?.proposals ?? []).find((p: { status: string }) => p.status === "pending") as { proposal: number } | undefined;
          if (pending === undefined) {
            await new Promise((resolve) => setTimeout(resolve, 50));
            continue;
          }
          outcome = await browser.step(plan, { step: "approve", proposal: pending.proposal });
        }
        if (outcome.status === 201) {
          result.latencies.push(performance.now() - started);
          result.acknowledged.push({ plan, version: outcome.version as number, head: outcome.head as string });
          if (browser.member.role === "officer") result.proposals++;
          else result.approvals++;
        } else if (outcome.status === 409 || outcome.status === 404 || outcome.status === 422) result.conflicts++;
        else if (outcome.status === 401) signedIn = false;
      } catch {
        // The server is down (killed): its sessions died with it.
        result.downErrors++;
        signedIn = false;
        await new Promise((resolve) => setTimeout(resolve, down ? 100 : 20));
      }
    }
  };
  const killer = (async () => {
    await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / 2));
    down = true;
    log("serve: SIGKILL to the server, halfway");
    server.child.kill("SIGKILL");
    await new Promise((resolve) => server.child.once("exit", resolve));
    server = await startChild(target, port, Date.parse("2024-07-05T04:00:00Z"));
    down = false;
    log("serve: the server is up again");
  })();
  const browsers = members.map((member) => new Browser(() => server.url, member));
  await Promise.all([...browsers.map(act), killer]);
  server.child.kill("SIGTERM");
  await new Promise((resolve) => server.child.once("exit", resolve));
  return result;
}

/** Every acknowledged version in its plan's log once, and every plan verifying pinned to the head's key. */
async function checkPlans(target: string, plans: readonly string[], acknowledged: LoadResult["acknowledged"], root: string): Promise<{ lost: number; duplicated: number; verified: number }> {
  const store = await openStore(target);
  try {
    let lost = 0;
    let duplicated = 0;
    let verified = 0;
    for (const plan of plans) {
      const versions: CommittedVersion[] = [];
      for await (const version of store.read(plan)) versions.push(version);
      if (auditVersions(versions, { checkSignature, root }).problems.length === 0) verified++;
      const heads = new Map<string, number>();
      for (const version of versions) heads.set(version.head, (heads.get(version.head) ?? 0) + 1);
      for (const ack of acknowledged.filter((a) => a.plan === plan)) {
        const count = heads.get(ack.head) ?? 0;
        if (count === 0 || versions[ack.version - 1]?.head !== ack.head) lost++;
        if (count > 1) duplicated++;
      }
    }
    return { lost, duplicated, verified };
  } finally {
    await store.close();
  }
}

