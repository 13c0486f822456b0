import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { PlanWriter, draftCommands, metadataAt, reportCommands } from "@rapk/store/conformance";
import { beforeAll, describe, expect, it } from "vitest";
import { PostgresEventStore } from "../src/postgresStore.js";
import { rapkProcess } from "./support/rapkProcess.js";
import { freshDatabase } from "./support/server.js";


const cli = (...args: string[]) => rapkProcess(args);

describe("rapk plans and rapk rollup on a postgres:// store", () => {
  let url: string;
  const heads = new Map<string, string>();

  beforeAll(async () => {
    url = await freshDatabase("cli");
    const store = await PostgresEventStore.open(url);
    try {
      for (const [plan, unit, reports] of [["loka-pom-rejang-lebong-2024", "Loka POM di Kabupaten Rejang Lebong", 2], ["loka-pom-ketapang-2024", "Loka POM di Kabupaten Ketapang", 0]] as const) {
        const writer = new PlanWriter();
        await store.append(plan, writer.next(draftCommands(unit), metadataAt("2024-02-22T09:00:00+07:00", "draft")));
        for (let month = 1; month <= reports; month++) await store.append(plan, writer.next(reportCommands(month), metadataAt(`2024-0${month + 2}-05T10:00:00+07:00`, "report")));
        heads.set(plan, writer.head.head);
      }
    } finally {
      await store.close();
    }
  });

  it("given two plans, when `rapk plans` runs, then it lists each with unit, year, version and head hash", async () => {
    const { code, stdout } = await cli("plans", url);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^PLAN\s+UNIT\s+YEAR\s+VERSION\s+HEAD$/);
    expect(lines[2]).toMatch(new RegExp(`^loka-pom-ketapang-2024\\s+Loka POM di Kabupaten Ketapang\\s+2024\\s+1\\s+${heads.get("loka-pom-ketapang-2024")}$`));
    expect(lines[3]).toMatch(new RegExp(`^loka-pom-rejang-lebong-2024\\s+Loka POM di Kabupaten Rejang Lebong\\s+2024\\s+3\\s+${heads.get("loka-pom-rejang-lebong-2024")}$`));
    const json = JSON.parse((await cli("plans", url, "--json")).stdout) as { plan: string; version: number; head: string }[];
    expect(json.map((p) => [p.plan, p.version, p.head])).toEqual([
      ["loka-pom-ketapang-2024", 1, heads.get("loka-pom-ketapang-2024")],
      ["loka-pom-rejang-lebong-2024", 3, heads.get("loka-pom-rejang-lebong-2024")],
    ]);
  });

  it("given --as-of a date, when `rapk rollup` runs, then each plan is shown as it stood that day", async () => {
    const { code, stdout } = await cli("rollup", url, "--as-of", "2024-03-31", "--json");
    expect(code).toBe(0);
    const rollup = JSON.parse(stdout) as { asOf: string; plans: { plan: string; version: number; latestMonth: number | null }[] };
    expect(rollup.asOf).toBe("2024-03-31");
    expect(rollup.plans.map((p) => [p.plan, p.version, p.latestMonth])).toEqual([
      ["loka-pom-ketapang-2024", 1, null],
      ["loka-pom-rejang-lebong-2024", 2, 1],
    ]);
  });

  it("given --out rollup.xlsx, when `rapk rollup` runs, then the workbook holds the rows and totals of --json, figures as numbers", async () => {
    const folder = mkdtempSync(join(tmpdir(), "rapk-rollup-"));
    try {
      const file = join(folder, "rekap.xlsx");
      expect((await cli("rollup", url, "--out", file)).code).toBe(0);
      const json = JSON.parse((await cli("rollup", url, "--json")).stdout) as { plans: { plan: string; pagu: number; spent: number }[]; totals: { pagu: number } };
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const sheet = book.getWorksheet("Rekap")!;
      const rows: unknown[][] = [];
      sheet.eachRow((row, n) => void (n > 1 && rows.push((row.values as unknown[]).slice(1))));
      expect(rows.map((r) => r[0])).toEqual([...json.plans.map((p) => p.plan), "Jumlah"]);
      expect(rows.map((r) => [r[5], r[7]])).toEqual([...json.plans.map((p) => [p.pagu, p.spent]), [json.totals.pagu, json.plans.reduce((s, p) => s + p.spent, 0)]]);
      expect((await cli("rollup", url, "--out", join(folder, "rekap.pdf"))).stderr).toMatch(/rekap\.pdf: cannot tell the format from the extension \(expected \.xlsx\)/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("given a server nobody listens on, then the error is one line naming the server without its password, exit 4", async () => {
    const { code, stdout, stderr } = await cli("plans", "postgres://rapk:s3cret@127.0.0.1:1/rapk");
    expect(code).toBe(4);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^rapk: postgres:\/\/rapk:\*\*\*@127\.0\.0\.1:1\/rapk: cannot connect to PostgreSQL at postgres:\/\/rapk:\*\*\*@127\.0\.0\.1:1\/rapk: .*\n$/);
    expect(stderr).not.toContain("s3cret");
  });

  it("given a version number for --as-of or a year that is not one, then rollup refuses it naming the option, exit 1", async () => {
    const version = await cli("rollup", url, "--as-of", "3");
    expect(version.code).toBe(1);
    expect(version.stderr).toBe("rapk: --as-of 3: across plans a version number means nothing; give a date (2024-06-30) or date-time\n");
    const year = await cli("rollup", url, "--year", "24");
    expect(year.code).toBe(1);
    expect(year.stderr).toBe("rapk: --year 24: expected a year such as 2024\n");
  });

  it("given a URL no store of rapk opens, or a path that is not there, then plans says what it expects, exit 1", async () => {
    const url = await cli("plans", "mysql://rapk@127.0.0.1:3306/rapk");
    expect(url.code).toBe(1);
    expect(url.stderr).toBe("rapk: mysql://rapk@127.0.0.1:3306/rapk: expected a folder of .ndjson logs, a log file, or a store URL such as postgres://user@host:5432/database\n");
    const missing = await cli("plans", "no-such-folder");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("rapk: no-such-folder: no such file\n");
  });
});
