import type { StoredCommit } from "@rapk/store";
import type { PoolClient } from "pg";
import { readVersions } from "./readVersions.js";
import { whole } from "./rollup.js";

const PAGE = 1000;

/**
 * Every plan's versions (or one plan's) in commit order after `after`, streamed: positions a page at a time,
 * each version read whole. Positions are taken at commit, without gaps (appendVersion).
 */
export async function* versionsAt(client: PoolClient, after: number, plan?: string): AsyncGenerator<StoredCommit> {
  let from = after;
  for (;;) {
    const { rows } =
      plan === undefined
        ? await client.query("SELECT position, plan, version FROM rapk_commits WHERE position > $1 ORDER BY position LIMIT $2", [from, PAGE])
        : await client.query("SELECT position, plan, version FROM rapk_commits WHERE position > $1 AND plan = $3 ORDER BY position LIMIT $2", [from, PAGE, plan]);
    for (const row of rows) {
      const plan = row.plan as string;
      const number = whole(row.version);
      for await (const version of readVersions(client, plan, { toVersion: number }, number - 1))
        yield { plan, position: whole(row.position), version };
      from = whole(row.position);
    }
    if (rows.length < PAGE) return;
  }
}
