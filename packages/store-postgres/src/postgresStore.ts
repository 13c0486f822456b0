import type { CommittedVersion, LogHead } from "@rapk/history";
import { type AppendExpectation, type EventStore, type PlanCatalog, type PlanListing, type PlanSummary, type ReadRange, type Rollup, type RollupQuery, type StoredCommit, StoreError, checkPlanId } from "@rapk/store";
import pg from "pg";
import { appendVersion, currentHead } from "./appendVersion.js";
import { HeadStates } from "./readModel.js";
import { versionsAt } from "./readAll.js";
import { readVersions } from "./readVersions.js";
import { queryRollup, whole } from "./rollup.js";
import { ensureSchema } from "./schema.js";
import { redactUrl } from "./storeUrl.js";

export interface PostgresStoreOptions {
  /** Connections kept open at most (default 10). */
  readonly maxConnections?: number;
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
  ) {}

  /** Connects to the server at `connectionString` and creates the tables when missing. */
  static async open(connectionString: string, options: PostgresStoreOptions = {}): Promise<PostgresEventStore> {
    const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
    // A connection dropped by the server (restart, idle timeout) must not crash the process.
    pool.on("error", () => undefined);
    const where = redactUrl(connectionString);
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new StoreError("STORE_UNAVAILABLE", `cannot connect to PostgreSQL at ${where}: ${(error as Error).message || String(error)}`);
    }
    try {
      await ensureSchema(client);
    } finally {
      client.release();
    }
    return new PostgresEventStore(pool, where);
  }

  async listPlans(): Promise<PlanSummary[]> {
    return (await this.describePlans()).map(({ plan, version, seq, head }) => ({ plan, version, seq, head }));
  }

  /** The plans with their heads and, from the read model, each one's unit and year at its head (for `rapk plans`). */
  async describePlans(): Promise<PlanListing[]> {
    const { rows } = await this.pool.query(
      `SELECT p.plan, p.version, p.seq, p.head, r.unit, r.year
         FROM rapk_plans p LEFT JOIN rapk_rollup r ON r.plan = p.plan AND r.version = p.version
        WHERE p.version > 0 ORDER BY p.plan COLLATE "C"`,
    );
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
    return currentHead(this.pool, plan);
  }

  async *read(plan: string, range?: ReadRange): AsyncIterable<CommittedVersion> {
    checkPlanId(plan);
    const client = await this.pool.connect();
    try {
      yield* readVersions(client, plan, range);
    } finally {
      client.release();
    }
  }

  async append(plan: string, version: CommittedVersion, expect?: AppendExpectation): Promise<LogHead> {
    checkPlanId(plan);
    return appendVersion(this.pool, this.states, plan, version, expect);
  }

  async *readAll(after = 0): AsyncIterable<StoredCommit> {
    const client = await this.pool.connect();
    try {
      yield* versionsAt(client, after);
    } finally {
      client.release();
    }
  }

  /** Every plan's figures (or those of one year, or as they stood at a date), by SQL over the read model. */
  rollup(query: RollupQuery = {}): Promise<Rollup> {
    return queryRollup(this.pool, query);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
