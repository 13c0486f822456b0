import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, rapkProcess } from "./support/rapkProcess.js";
import { freshDatabase } from "./support/server.js";

const SEED = join(ROOT, "packages/examples/sources/rapk-2024-loka-pom-rejang-lebong.txt");
const LINE = "DR.3165.QIA.005.053.A"; // the seed's first budget line (line 16 of the source)

const cli = (cwd: string, ...args: string[]) => rapkProcess(args, cwd);

describe("evidence behind a report on a PostgreSQL plan, through rapk", () => {
  let database: string;
  let log: string;
  let folder: string;
  const receipt = new Uint8Array(40_000).map((_, i) => (i * 11) % 253);
  const digest = createHash("sha256").update(receipt).digest("hex");

  beforeAll(async () => {
    database = await freshDatabase("clievidence");
    log = `${database}#loka-pom-rejang-lebong-2024`;
    folder = mkdtempSync(join(tmpdir(), "rapk-pg-evidence-"));
    expect((await cli(folder, "import", SEED, "--out", log)).code).toBe(0);
    writeFileSync(join(folder, "kwitansi.pdf"), receipt);
    writeFileSync(
      join(folder, "jan.json"),
      JSON.stringify({ meta: { actor: "Siti Rahma", reason: "laporan Januari", kind: "report", at: "2024-03-05T09:00:00+07:00" }, commands: [{ type: "reportSpending", data: { line: LINE, month: 1, amount: 2_500_000 } }] }),
    );
  });

  it("given a report applied with --evidence, then the file is in rapk_evidence, verify checks it, and rapk evidence lists it and gives it back whole", async () => {
    const applied = await cli(folder, "apply", log, "jan.json", "--evidence", "kwitansi.pdf");
    expect(applied.code, applied.stderr).toBe(0);
    const verified = await cli(folder, "verify", log);
    expect(verified.code, verified.stderr).toBe(0);
    const listed = await cli(folder, "evidence", log);
    expect(listed.stdout).toContain(`${digest}  40000 bytes  application/pdf  kwitansi.pdf`);
    expect((await cli(folder, "evidence", log, digest, "--out", "copy.pdf")).code).toBe(0);
    expect(readFileSync(join(folder, "copy.pdf"))).toEqual(Buffer.from(receipt));
  });

  it("when the stored file is changed or deleted in the database, then verify names it on the citing event, and nothing is given back", async () => {
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    try {
      const columns = await client.query<{ column_name: string; data_type: string }>("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'rapk_evidence'");
      const bytesColumn = columns.rows.find((column) => column.data_type === "bytea")!.column_name;
      await client.query(`UPDATE rapk_evidence SET ${bytesColumn} = $1`, [Buffer.from("another file")]);
      const changed = await cli(folder, "verify", log);
      expect(changed.code).toBe(1);
      expect(changed.stderr).toMatch(/:\d+: EVIDENCE_CHANGED/);
      expect((await cli(folder, "evidence", log, digest, "--out", "again.pdf")).code).toBe(1);
      await client.query("DELETE FROM rapk_evidence");
      const missing = await cli(folder, "verify", log);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/:\d+: EVIDENCE_MISSING/);
    } finally {
      await client.end();
    }
  });
});
