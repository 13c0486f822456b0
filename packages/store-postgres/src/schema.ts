import { BPOM_BANDS } from "@rapk/core";
import type { PoolClient } from "pg";

/** A band id as a column name: `very-good` is `band_very_good`. */
export const bandColumn = (id: string): string => `band_${id.replace(/[^a-z0-9]/gi, "_").toLowerCase()}`;

/** The band columns of the read model, one per BPOM band, in the bands' order. */
export const BAND_COLUMNS: readonly { readonly id: string; readonly column: string }[] = BPOM_BANDS.map((band) => ({ id: band.id, column: bandColumn(band.id) }));

/**
 * The tables, created when missing (docs/stores.md shows them):
 * - rapk_plans: one row per plan, its head (version, last seq, head hash). Appends lock this row
 *   (SELECT ... FOR UPDATE), so two writers of one plan queue, and the second finds the head moved.
 * - rapk_events: one row per event line, unique (plan, seq): the database itself refuses a second
 *   writer of the same seq. `line` is the NDJSON line exactly as the file store writes it.
 * - rapk_commits: one row per version's commit record, unique (plan, version); `position` orders
 *   all plans' versions in commit order for projections, taken from rapk_log_position's one row
 *   as the last step of each append, so positions have no gaps and rise in commit order.
 * - rapk_evidence: the evidence files reports cite, by plan and SHA-256 (written before the
 *   version that cites them; a file is kept once).
 * - rapk_rollup: the read model, one row per version with the plan's summary after it (core's
 *   planSummary), written in the same transaction as the version; `rapk rollup` is SQL over it.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS rapk_plans (
  plan text PRIMARY KEY CHECK (plan <> ''),
  version integer NOT NULL CHECK (version >= 0),
  seq bigint NOT NULL CHECK (seq >= 0),
  head char(64) NOT NULL
);
CREATE TABLE IF NOT EXISTS rapk_events (
  plan text NOT NULL REFERENCES rapk_plans (plan),
  seq bigint NOT NULL CHECK (seq >= 1),
  version integer NOT NULL CHECK (version >= 1),
  type text NOT NULL,
  prev char(64) NOT NULL,
  hash char(64) NOT NULL,
  line text NOT NULL,
  PRIMARY KEY (plan, seq)
);
CREATE TABLE IF NOT EXISTS rapk_log_position (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  position bigint NOT NULL
);
INSERT INTO rapk_log_position (one, position) VALUES (true, 0) ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS rapk_commits (
  position bigint NOT NULL UNIQUE,
  plan text NOT NULL REFERENCES rapk_plans (plan),
  version integer NOT NULL CHECK (version >= 1),
  first_seq bigint NOT NULL,
  last_seq bigint NOT NULL,
  recorded_at timestamptz NOT NULL,
  effective_at timestamptz NOT NULL,
  prev char(64) NOT NULL,
  hash char(64) NOT NULL,
  line text NOT NULL,
  PRIMARY KEY (plan, version)
);
CREATE TABLE IF NOT EXISTS rapk_rollup (
  plan text NOT NULL REFERENCES rapk_plans (plan),
  version integer NOT NULL,
  recorded_at timestamptz NOT NULL,
  effective_at timestamptz NOT NULL,
  -- effectiveAt's wall-clock time as written, without its offset: a date in --as-of means the
  -- end of that day where each plan is (a unit in Papua and one in Sumatra differ by two hours).
  effective_local timestamp NOT NULL,
  unit text,
  agency text,
  year integer,
  ceiling bigint NOT NULL,
  pagu bigint NOT NULL,
  allocated bigint NOT NULL,
  spent bigint NOT NULL,
  indicators integer NOT NULL,
  latest_month smallint,
${BAND_COLUMNS.map(({ column }) => `  ${column} integer NOT NULL,`).join("\n")}
  unrated integer NOT NULL,
  PRIMARY KEY (plan, version)
);
CREATE TABLE IF NOT EXISTS rapk_evidence (
  plan text NOT NULL,
  sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes bytea NOT NULL,
  PRIMARY KEY (plan, sha256)
);
`;

// Any fixed number: it only serialises the CREATE statements of processes starting side by side.
const SCHEMA_LOCK = 0x7261706b;

const TABLES = ["rapk_plans", "rapk_events", "rapk_log_position", "rapk_commits", "rapk_rollup", "rapk_evidence"];

/**
 * Creates the tables when missing; safe to run from many processes at once. When they all exist
 * nothing is created, so a role with only SELECT, INSERT and UPDATE on them can use the store
 * (PostgreSQL checks the right to create even for CREATE TABLE IF NOT EXISTS).
 */
export async function ensureSchema(client: PoolClient): Promise<void> {
  const { rows } = await client.query("SELECT count(*)::integer AS present FROM unnest($1::text[]) AS t(name) WHERE to_regclass(t.name) IS NOT NULL", [TABLES]);
  if ((rows[0] as { present: number }).present === TABLES.length) return;
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [SCHEMA_LOCK]);
    await client.query(SCHEMA_SQL);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
