import type { Command } from "commander";
import type { Context } from "../context.js";
import { renderTable } from "../format/table.js";
import { println } from "../io.js";
import { jsonText } from "../json.js";
import { openStoreArgument } from "../storeArgument.js";

export function registerPlans(program: Command, { io, storeTimeouts }: Context): void {
  program
    .command("plans")
    .summary("list the plans a store holds: id, unit, year, version, head hash")
    .description("Lists every plan in a store with its unit (satuan kerja), fiscal year, latest version and head hash (the hash to keep elsewhere and check with `rapk verify --expect-head`).")
    .argument("<store>", "the store: postgres://rapk@127.0.0.1:5432/rapk, or a folder of <plan>.ndjson logs")
    .option("--json", "print the plans as JSON")
    .addHelpText("after", "\nExamples:\n  rapk plans postgres://rapk@127.0.0.1:5432/rapk\n  rapk plans plans/")
    .action(async (url: string, options: { json?: boolean }) => {
      const { store, catalog } = await openStoreArgument(io, url, storeTimeouts());
      try {
        const plans = await catalog.describePlans();
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
