import { DomainFailure, replay } from "@rapk/core";
import { type CommittedVersion, EMPTY_HEAD, type LogHead, headAfter, serializeCommit, serializeEvent } from "@rapk/history";
import { type AppendExpectation, StoreConflict, checkAppend } from "@rapk/store";
import type { Pool, PoolClient } from "pg";
import { type HeadStates, writeRollupRow } from "./readModel.js";
import { whole } from "./rollup.js";

// PostgreSQL's SQLSTATE for a unique violation: another writer committed the same (plan, seq) or (plan, version).
const UNIQUE_VIOLATION = "23505";

/**
 * Appends one sealed version in one transaction: lock the plan's row (SELECT ... FOR UPDATE; a
 * plan's first version inserts it), check the version against the head read under that lock,
 * insert its event lines, its commit record and its read-model row, move the head, commit. A
 * second writer of the same plan waits on the lock and then finds the head moved (StoreConflict);
 * should anything slip past, the unique keys (plan, seq) and (plan, version) refuse it in the
 * database, which is reported as the same conflict. Either every row is written or none.
 */
export async function appendVersion(pool: Pool, states: HeadStates, plan: string, version: CommittedVersion, expect?: AppendExpectation): Promise<LogHead> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const head = await lockHead(client, plan);
    checkAppend(plan, head, version, expect);
    // Before the new lines are written: a plan replayed from its rows must not see them yet.
    const before = await states.before(client, plan, head.head, head.seq);
    await insertEvents(client, plan, version);
    const replayed = replay(version.events, before);
    if (!replayed.ok) throw new DomainFailure(replayed.error);
    const after = replayed.value;
    await writeRollupRow(client, plan, version, after);
    const next = headAfter(version);
    await client.query("UPDATE rapk_plans SET version = $2, seq = $3, head = $4 WHERE plan = $1", [plan, next.version, next.seq, next.head]);
    // Last, and held only until COMMIT: appends to different plans queue on the one position row
    // for a moment, so positions rise in commit order without gaps (readAll never skips one).
    await insertCommit(client, plan, version);
    await client.query("COMMIT");
    states.remember(plan, next.head, after);
    return next;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      const actual = await currentHead(pool, plan);
      throw new StoreConflict(plan, { version: version.version - 1, head: version.events[0]?.prev }, actual, "another writer committed this version first");
    }
    throw error;
  } finally {
    client.release();
  }
}

/** The plan's head, its row locked until the transaction ends; a new plan's row is inserted (and so locked). */
async function lockHead(client: PoolClient, plan: string): Promise<LogHead> {
  const select = () => client.query("SELECT version, seq, head FROM rapk_plans WHERE plan = $1 FOR UPDATE", [plan]);
  let { rows } = await select();
  if (rows.length === 0) {
    const inserted = await client.query("INSERT INTO rapk_plans (plan, version, seq, head) VALUES ($1, 0, 0, $2) ON CONFLICT (plan) DO NOTHING RETURNING plan", [plan, EMPTY_HEAD.head]);
    // Nothing inserted: another writer created the plan meanwhile (we waited for it); lock its row.
    if (inserted.rowCount === 1) return EMPTY_HEAD;
    ({ rows } = await select());
  }
  const row = rows[0] as { version: unknown; seq: unknown; head: string };
  return { version: whole(row.version), seq: whole(row.seq), head: row.head };
}

async function insertEvents(client: PoolClient, plan: string, version: CommittedVersion): Promise<void> {
  const events = version.events;
  await client.query(
    `INSERT INTO rapk_events (plan, seq, version, type, prev, hash, line)
     SELECT $1, * FROM unnest($2::bigint[], $3::integer[], $4::text[], $5::text[], $6::text[], $7::text[])`,
    [plan, events.map((e) => e.seq), events.map((e) => e.version), events.map((e) => e.type), events.map((e) => e.prev), events.map((e) => e.hash), events.map(serializeEvent)],
  );
}

async function insertCommit(client: PoolClient, plan: string, version: CommittedVersion): Promise<void> {
  const events = version.events;
  const commit = version.commit;
  if (!commit) throw new Error("unreachable: checkAppend refuses a version without a commit record");
  await client.query(
    `WITH taken AS (UPDATE rapk_log_position SET position = position + 1 RETURNING position)
     INSERT INTO rapk_commits (position, plan, version, first_seq, last_seq, recorded_at, effective_at, prev, hash, line)
     SELECT taken.position, $1, $2, $3, $4, $5, $6, $7, $8, $9 FROM taken`,
    [plan, version.version, events[0]?.seq, events[events.length - 1]?.seq, version.metadata.recordedAt, version.metadata.effectiveAt, commit.prev, commit.hash, serializeCommit(commit)],
  );
}

/** The plan's head as committed now (for a conflict's message). */
export async function currentHead(pool: Pool | PoolClient, plan: string): Promise<LogHead> {
  const { rows } = await pool.query("SELECT version, seq, head FROM rapk_plans WHERE plan = $1", [plan]);
  const row = rows[0] as { version: unknown; seq: unknown; head: string } | undefined;
  return row ? { version: whole(row.version), seq: whole(row.seq), head: row.head } : EMPTY_HEAD;
}
