import type { CommittedVersion, LogHead } from "@rapk/history";
import { type AppendExpectation, type AppendedHead, type EventStore, type PlanCatalog, type PlanListing, type PlanSummary, type ReadRange, type Rollup, type RollupQuery, type StoredCommit, StoreError, type SubscribeOptions, type Subscription, checkEvidence, checkPlanId, followStore } from "@rapk/store";
import pg from "pg";
import { appendVersion, currentHead } from "./appendVersion.js";
import { HeadStates } from "./readModel.js";
import { versionsAt } from "./readAll.js";
import { readVersions } from "./readVersions.js";
import { queryRollup, whole } from "./rollup.js";
import { ensureSchema } from "./schema.js";
import { connectWithRetry, storeFault } from "./faults.js";
import { StoreUrl } from "./storeUrl.js";
import { listenForCommits } from "./listen.js";

export interface PostgresStoreOptions {
  /** Connections kept open at most (default 10). */
  readonly maxConnections?: number;
  /**
   * Told when the connection was lost after COMMIT was sent and the version was found committed
   * on a new connection: the append succeeded, and the one who asked should hear how it was known.
   */
  readonly onCommitConfirmed?: (confirmed: { readonly plan: string; readonly version: number }) => void;
}

/** A plan in a PostgreSQL store with what `rapk plans` shows: its head and, from the read model, unit and year. */
/**
 * The EventStore on a PostgreSQL server (docs/stores.md): the same lines, hash chain and commit
 * records as the NDJSON file log, one transaction per version, conflicts decided by the database
 * (a row lock on the plan, unique (plan, seq) and (plan, version)), and a read model of every
 * version's summary written in the same transaction, so {@link rollup} is one SQL query.
 */
export class PostgresEventStore implements EventStore, PlanCatalog {
  readonly kind = "postgres";
  private readonly states = new HeadStates();

  private constructor(
    private readonly pool: pg.Pool,
    /** The server as given, password hidden, for messages. */
    readonly where: string,
    private readonly onCommitConfirmed: PostgresStoreOptions["onCommitConfirmed"],
    /** For the listening connection of subscriptions (its own, not the pool's). */
    private readonly connectionString: string,
  ) {}

  /**
   * Connects to the server a URL names (a StoreUrl, or its text) and creates the tables when
   * missing. Every connection gets the URL's lock_timeout and statement_timeout (5 s and 60 s by
   * default) and an error handler, so a connection the server drops, idle or in use, is an error
   * of the call that used it, never a crash of the process. A refused connection is tried again
   * with back-off (nothing was sent yet).
   */
  static async open(url: string | StoreUrl, options: PostgresStoreOptions = {}): Promise<PostgresEventStore> {
    const parsed = typeof url === "string" ? StoreUrl.parse(url) : url;
    const pool = new pg.Pool({
      connectionString: parsed.connectionString(),
      max: options.maxConnections ?? 10,
      lock_timeout: parsed.lockTimeoutMs,
      statement_timeout: parsed.statementTimeoutMs,
    });
    // An idle connection dropped by the server (restart, idle timeout) must not crash the process,
    pool.on("error", () => undefined);
    // nor one in use: its query fails with the same error, which the call that made it reports.
    pool.on("connect", (client) => client.on("error", () => undefined));
    const where = parsed.shown;
    let client: pg.PoolClient;
    try {
      client = await connectWithRetry(pool);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new StoreError("STORE_UNAVAILABLE", `cannot connect to PostgreSQL at ${where}: ${((error as Error).message || String(error)).slice(0, 200)}`);
    }
    try {
      await ensureSchema(client);
    } catch (error) {
      client.release(true);
      await pool.end().catch(() => undefined);
      throw storeFault(error, where, "cannot open the store");
    }
    client.release();
    return new PostgresEventStore(pool, where, options.onCommitConfirmed, parsed.connectionString());
  }

  async listPlans(): Promise<PlanSummary[]> {
    return (await this.describePlans()).map(({ plan, version, seq, head }) => ({ plan, version, seq, head }));
  }

  /** The plans with their heads and, from the read model, each one's unit and year at its head (for `rapk plans`). */
  async describePlans(): Promise<PlanListing[]> {
    const { rows } = await this.guard("cannot list the plans", () => this.pool.query(
      `SELECT p.plan, p.version, p.seq, p.head, r.unit, r.year
         FROM rapk_plans p LEFT JOIN rapk_rollup r ON r.plan = p.plan AND r.version = p.version
        WHERE p.version > 0 ORDER BY p.plan COLLATE "C"`,
    ));
    return rows.map((row) => ({
      plan: row.plan as string,
      version: whole(row.version),
      seq: whole(row.seq),
      head: row.head as string,
      unit: (row.unit as string | null) ?? null,
      year: row.year === null ? null : whole(row.year),
    }));
  }

  async head(plan: string): Promise<LogHead> {
    checkPlanId(plan);
    return this.guard(`cannot read plan ${plan}`, () => currentHead(this.pool, plan));
  }

  async *read(plan: string, range?: ReadRange): AsyncIterable<CommittedVersion> {
    checkPlanId(plan);
    yield* this.reading(`cannot read plan ${plan}`, (client) => readVersions(client, plan, range));
  }

  async append(plan: string, version: CommittedVersion, expect?: AppendExpectation): Promise<AppendedHead> {
    checkPlanId(plan);
    return this.guard(`cannot append version ${version.version} to plan ${plan}`, () => appendVersion(this.pool, this.states, plan, version, expect, this.where, this.onCommitConfirmed));
  }

  async putEvidence(plan: string, sha256: string, bytes: Uint8Array): Promise<void> {
    checkPlanId(plan);
    checkEvidence(plan, sha256, bytes);
    await this.guard(`cannot keep evidence ${sha256.slice(0, 16)} of plan ${plan}`, () =>
      this.pool.query("INSERT INTO rapk_evidence (plan, sha256, bytes) VALUES ($1, $2, $3) ON CONFLICT (plan, sha256) DO NOTHING", [plan, sha256, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
    );
  }

  async getEvidence(plan: string, sha256: string): Promise<Uint8Array | undefined> {
    checkPlanId(plan);
    if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined;
    const { rows } = await this.guard(`cannot read evidence ${sha256.slice(0, 16)} of plan ${plan}`, () => this.pool.query("SELECT bytes FROM rapk_evidence WHERE plan = $1 AND sha256 = $2", [plan, sha256]));
    const bytes = rows[0]?.bytes as Buffer | undefined;
    return bytes ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined;
  }

  async *readAll(after = 0): AsyncIterable<StoredCommit> {
    yield* this.reading("cannot read the store", (client) => versionsAt(client, after));
  }

  /**
   * Follows the store from a position by LISTEN/NOTIFY: every append NOTIFYs `rapk_commits` in its
   * transaction (delivered at COMMIT); a subscription LISTENs on a connection of its own and reads
   * by position after each notification, and after that connection is lost and found again.
   */
  subscribe(options?: SubscribeOptions): Subscription {
    if (options?.plan !== undefined) checkPlanId(options.plan);
    return followStore(
      (after, plan) => this.reading("cannot follow the store", (client) => versionsAt(client, after, plan)),
      async (changed) => {
        try {
          return await listenForCommits(this.connectionString)(changed);
        } catch (error) {
          throw storeFault(error, this.where, "cannot listen for commits");
        }
      },
      options,
    );
  }

  /** Every plan's figures (or those of one year, or as they stood at a date), by SQL over the read model. */
  rollup(query: RollupQuery = {}): Promise<Rollup> {
    return this.guard("cannot sum up the plans", () => queryRollup(this.pool, query));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** A call on the server whose failure is said in plain words (faults.ts), naming the server with its password hidden. */
  private async guard<T>(doing: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw storeFault(error, this.where, doing);
    }
  }

  /** Reads through one connection; a connection that failed is thrown away rather than given back to the pool. */
  private async *reading<T>(doing: string, read: (client: pg.PoolClient) => AsyncIterable<T>): AsyncIterable<T> {
    const client = await this.guard(doing, () => connectWithRetry(this.pool));
    let failed = false;
    try {
      yield* read(client);
    } catch (error) {
      failed = true;
      throw storeFault(error, this.where, doing);
    } finally {
      client.release(failed);
    }
  }
}
