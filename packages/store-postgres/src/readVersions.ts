import { type CommitRecord, type CommittedVersion, type StoredEvent, eventMetadataOf } from "@rapk/history";
import { type ReadRange, StoreError, rangeTest } from "@rapk/store";
import type { PoolClient } from "pg";
import { whole } from "./rollup.js";

/** How many commit records and event lines one round trip fetches while streaming. */
const COMMIT_PAGE = 1000;
const EVENT_PAGE = 20_000;

/** An event line as stored (a v2 line: no metadata; its commit record has it). */
type RawEvent = Omit<StoredEvent, "metadata">;

interface CommitRow {
  readonly version: number;
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly line: string;
}

/**
 * A plan's committed versions in order, streamed page by page inside one read-only REPEATABLE
 * READ transaction on `client`, so the whole read is one snapshot even while writers commit.
 * Only versions with a commit row exist (an append that never committed left nothing). Starts
 * after version `afterVersion` (0: from the first).
 */
export async function* readVersions(client: PoolClient, plan: string, range: ReadRange = {}, afterVersion = 0): AsyncGenerator<CommittedVersion> {
  rangeTest(range); // refuses a bound that is not a date-time before anything is read
  const where = ["plan = $1", "version > $2"];
  const params: unknown[] = [plan, afterVersion];
  if (range.toVersion !== undefined) where.push(`version <= $${params.push(range.toVersion)}`);
  if (range.effectiveAt !== undefined) where.push(`effective_at <= $${params.push(range.effectiveAt)}::timestamptz`);
  if (range.recordedAt !== undefined) where.push(`recorded_at <= $${params.push(range.recordedAt)}::timestamptz`);
  const commitsSql = `SELECT version, first_seq, last_seq, line FROM rapk_commits WHERE ${where.join(" AND ")} ORDER BY version LIMIT ${COMMIT_PAGE}`;

  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  let ended = false;
  try {
    let after = afterVersion;
    for (;;) {
      params[1] = after;
      const { rows } = await client.query(commitsSql, params);
      if (rows.length === 0) break;
      const commits: CommitRow[] = rows.map((row) => ({ version: whole(row.version), firstSeq: whole(row.first_seq), lastSeq: whole(row.last_seq), line: row.line as string }));
      for (const chunk of chunksOf(commits)) {
        if (chunk.length === 1) yield await versionOf(client, plan, chunk[0] as CommitRow);
        else yield* await versionsOf(client, plan, chunk);
      }
      after = (commits[commits.length - 1] as CommitRow).version;
      if (rows.length < COMMIT_PAGE) break;
    }
    await client.query("COMMIT");
    ended = true;
  } finally {
    // A read that failed, or that its reader left early (`break` out of a for-await), ends its
    // transaction here: the connection goes back to the pool outside any transaction.
    if (!ended) await client.query("ROLLBACK").catch(() => undefined);
  }
}

/** One (large) version, its event lines fetched EVENT_PAGE at a time. */
async function versionOf(client: PoolClient, plan: string, commit: CommitRow): Promise<CommittedVersion> {
  const lines: RawEvent[] = [];
  for (let from = commit.firstSeq; from <= commit.lastSeq; from += EVENT_PAGE) {
    const to = Math.min(commit.lastSeq, from + EVENT_PAGE - 1);
    const { rows } = await client.query<{ line: string }>("SELECT line FROM rapk_events WHERE plan = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq", [plan, from, to]);
    for (const { line } of rows) lines.push(parseLine(plan, line) as RawEvent);
  }
  return assemble(plan, commit, lines);
}

/** A version from its commit record and its event lines, each event carrying the version's metadata as read. */
function assemble(plan: string, commit: CommitRow, lines: readonly RawEvent[]): CommittedVersion {
  const record = parseLine(plan, commit.line) as CommitRecord;
  const metadata = Object.freeze(eventMetadataOf(record.metadata));
  const events = lines.map(({ format, seq, version, type, data, prev, hash }) => ({ format, seq, version, type, data, metadata, prev, hash }) as StoredEvent);
  if (events.length !== record.events)
    throw new StoreError("LOG_INVALID", `plan ${plan}: version ${commit.version}'s commit record counts ${record.events} events but the database holds ${events.length}`, plan);
  return { version: commit.version, events, metadata: record.metadata, head: record.hash, commit: record };
}

/** Consecutive commits in runs of at most EVENT_PAGE events, fetched in one query each (a larger version alone). */
function chunksOf(commits: readonly CommitRow[]): CommitRow[][] {
  const chunks: CommitRow[][] = [];
  let chunk: CommitRow[] = [];
  let count = 0;
  for (const commit of commits) {
    const size = commit.lastSeq - commit.firstSeq + 1;
    if (chunk.length > 0 && count + size > EVENT_PAGE) {
      chunks.push(chunk);
      chunk = [];
      count = 0;
    }
    chunk.push(commit);
    count += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** Several small versions in one query: their events from the first one's first seq to the last one's last. */
async function versionsOf(client: PoolClient, plan: string, commits: readonly CommitRow[]): Promise<CommittedVersion[]> {
  const first = commits[0] as CommitRow;
  const last = commits[commits.length - 1] as CommitRow;
  const { rows } = await client.query<{ line: string }>("SELECT line FROM rapk_events WHERE plan = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq", [plan, first.firstSeq, last.lastSeq]);
  const lines = new Map<number, RawEvent[]>();
  for (const { line } of rows) {
    const event = parseLine(plan, line) as RawEvent;
    const list = lines.get(event.version);
    if (list) list.push(event);
    else lines.set(event.version, [event]);
  }
  return commits.map((commit) => assemble(plan, commit, lines.get(commit.version) ?? []));
}

function parseLine(plan: string, line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new StoreError("LOG_INVALID", `plan ${plan}: a stored line is not JSON (${(error as Error).message})`, plan);
  }
}
