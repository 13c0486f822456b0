import type { Command } from "commander";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { renderTable } from "../format/table.js";
import { println } from "../io.js";
import { jsonText } from "../json.js";
import { isPostgresArgument, openPostgres } from "../postgresUrl.js";

export function registerPlans(program: Command, { io }: Context): void {
  program
    .command("plans")
    .summary("list the plans a store holds: id, unit, year, version, head hash")
    .description("Lists every plan in a store with its unit (satuan kerja), fiscal year, latest version and head hash (the hash to keep elsewhere and check with `rapk verify --expect-head`).")
    .argument("<store-url>", "the store, e.g. postgres://rapk@127.0.0.1:5432/rapk")
    .option("--json", "print the plans as JSON")
    .addHelpText("after", "\nExample:\n  rapk plans postgres://rapk@127.0.0.1:5432/rapk")
    .action(async (url: string, options: { json?: boolean }) => {
      if (!isPostgresArgument(url)) throw new CliError("expected a store URL such as postgres://user@host:5432/database", { file: url });
      const { store } = await openPostgres(url);
      try {
        const plans = await store.describePlans();
        if (options.json) {
          io.stdout.write(jsonText(plans));
          return;
        }
        if (plans.length === 0) {
          println(io.stdout, "(the store holds no plans)");
          return;
        }
        const columns = [{ header: "PLAN" }, { header: "UNIT" }, { header: "YEAR", align: "right" as const }, { header: "VERSION", align: "right" as const }, { header: "HEAD" }];
        const rows = plans.map((p) => [p.plan, p.unit ?? "", p.year === null ? "" : String(p.year), String(p.version), p.head]);
        for (const line of renderTable(columns, rows)) println(io.stdout, line);
      } finally {
        await store.close();
      }
    });
}
