import { DomainFailure, replay } from "@rapk/core";
import { type CommittedVersion, EMPTY_HEAD, type LogHead, headAfter, serializeCommit, serializeEvent } from "@rapk/history";
import { type AppendExpectation, type AppendedHead, StoreConflict, StoreError, alreadyCommitted, checkAppend, sentAgainBefore } from "@rapk/store";
import { CONNECT_BACKOFF_MS, connectWithRetry, isConnectionLost } from "./faults.js";
import type { Pool, PoolClient } from "pg";
import { type HeadStates, writeRollupRow } from "./readModel.js";
import { whole } from "./rollup.js";
import { COMMIT_CHANNEL } from "./listen.js";

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
export async function appendVersion(
  pool: Pool,
  states: HeadStates,
  plan: string,
  version: CommittedVersion,
  expect?: AppendExpectation,
  where = "the server",
  onCommitConfirmed?: (confirmed: { plan: string; version: number }) => void,
): Promise<AppendedHead> {
  const client = await connectWithRetry(pool);
  let commitSent = false;
  let failed = false;
  const next = headAfter(version);
  try {
    await client.query("BEGIN");
    const head = await lockHead(client, plan);
    // The same version sent again (its answer was lost): an earlier one's hash is read under the lock.
    const held = sentAgainBefore(head, version) ? ((await client.query("SELECT hash FROM rapk_commits WHERE plan = $1 AND version = $2", [plan, version.version])).rows[0] as { hash?: string } | undefined)?.hash : undefined;
    const again = alreadyCommitted(plan, head, version, held);
    if (again) {
      await client.query("ROLLBACK");
      return again;
    }
    checkAppend(plan, head, version, expect);
    // Before the new lines are written: a plan replayed from its rows must not see them yet.
    const before = await states.before(client, plan, head.head, head.seq);
    await insertEvents(client, plan, version);
    const replayed = replay(version.events, before);
    if (!replayed.ok) throw new DomainFailure(replayed.error);
    const after = replayed.value;
    await writeRollupRow(client, plan, version, after);
    await client.query("UPDATE rapk_plans SET version = $2, seq = $3, head = $4 WHERE plan = $1", [plan, next.version, next.seq, next.head]);
    // Last, and held only until COMMIT: appends to different plans queue on the one position row
    // for a moment, so positions rise in commit order without gaps (readAll never skips one).
    await insertCommit(client, plan, version);
    commitSent = true;
    await client.query("COMMIT");
    states.remember(plan, next.head, after);
    return next;
  } catch (error) {
    failed = true;
    if (isConnectionLost(error)) {
      const head = await afterLostConnection(pool, plan, version, next, commitSent, where);
      onCommitConfirmed?.({ plan, version: version.version });
      return head;
    }
    await client.query("ROLLBACK").catch(() => undefined);
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      const actual = await currentHead(pool, plan);
      throw new StoreConflict(plan, { version: version.version - 1, head: version.events[0]?.prev }, actual, "another writer committed this version first");
    }
    throw error;
  } finally {
    // A connection that failed is thrown away, never handed to the next caller.
    client.release(failed);
  }
}

/**
 * The connection died during the append: whether the version was committed is read again on a new
 * connection, never guessed. Committed, the append succeeded (its head is returned); not, the
 * error says so (CONNECTION_LOST: the plan is where it was, nothing was written). Only when
 * COMMIT had been sent and the server cannot be reached again does the error say it could not
 * tell, and how to find out.
 */
async function afterLostConnection(pool: Pool, plan: string, version: CommittedVersion, next: LogHead, commitSent: boolean, where: string): Promise<LogHead> {
  let actual: { head: LogHead; committed: boolean } | undefined;
  for (const wait of [0, ...CONNECT_BACKOFF_MS]) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    actual = await committedNow(pool, plan, version).catch(() => undefined);
    if (actual) break;
  }
  if (actual?.committed) return next;
  const lost = `the connection to PostgreSQL at ${where} was lost while appending version ${version.version} of plan ${plan}`;
  if (actual || !commitSent)
    throw new StoreError("CONNECTION_LOST", `${lost}; version ${version.version} was NOT committed${actual ? ` (checked after reconnecting: the plan is at version ${actual.head.version})` : " (the server ended the transaction before COMMIT)"}; nothing was written, apply it again`, plan);
  throw new StoreError("CONNECTION_LOST", `${lost} after COMMIT was sent, and the server cannot be reached to check; \`rapk log\` on the plan shows whether version ${version.version} is there once the server is back`, plan);
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
  // The NOTIFY is sent at COMMIT (not at all on a rollback): subscriptions wake and read by position.
  await client.query(
    `WITH taken AS (UPDATE rapk_log_position SET position = position + 1 RETURNING position),
          kept AS (INSERT INTO rapk_commits (position, plan, version, first_seq, last_seq, recorded_at, effective_at, prev, hash, line)
                   SELECT taken.position, $1, $2, $3, $4, $5, $6, $7, $8, $9 FROM taken RETURNING position)
     SELECT pg_notify('${COMMIT_CHANNEL}', kept.position::text) FROM kept`,
    [plan, version.version, events[0]?.seq, events[events.length - 1]?.seq, version.metadata.recordedAt, version.metadata.effectiveAt, commit.prev, commit.hash, serializeCommit(commit)],
  );
}

/** The plan's head now, and whether this very version (its commit record's hash) is among its committed ones. */
async function committedNow(pool: Pool, plan: string, version: CommittedVersion): Promise<{ head: LogHead; committed: boolean }> {
  const head = await currentHead(pool, plan);
  const { rows } = await pool.query("SELECT hash FROM rapk_commits WHERE plan = $1 AND version = $2", [plan, version.version]);
  return { head, committed: (rows[0] as { hash?: string } | undefined)?.hash === version.commit?.hash };
}

/** The plan's head as committed now (for a conflict's message). */
export async function currentHead(pool: Pool | PoolClient, plan: string): Promise<LogHead> {
  const { rows } = await pool.query("SELECT version, seq, head FROM rapk_plans WHERE plan = $1", [plan]);
  const row = rows[0] as { version: unknown; seq: unknown; head: string } | undefined;
  return row ? { version: whole(row.version), seq: whole(row.seq), head: row.head } : EMPTY_HEAD;
}
