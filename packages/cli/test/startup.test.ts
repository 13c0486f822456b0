import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

/** The .ts files under a folder, recursively. */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(folder, entry.name)) : entry.name.endsWith(".ts") ? [join(folder, entry.name)] : [],
  );
}

// Every rapk command starts by loading the CLI's modules: what they import at the top is paid by
// `rapk show` and `rapk verify` too (docs/performance.md: start-up was 0.5 s of CPU, half of it
// date-fns's barrels, the rest the printers and the importer).
describe("what every command loads at start", () => {
  const packages = ["cli", "core", "history", "store"].map((name) => join(ROOT, "packages", name, "src"));

  it("imports date-fns one function and one locale at a time, never through its barrels", () => {
    const barrels = packages.flatMap(sources).filter((file) => /from "date-fns(\/locale)?";/.test(readFileSync(file, "utf8")));
    expect(barrels).toEqual([]);
  });

  it("loads the importer, the reports and the PDF printers only in the commands that use them", () => {
    const eager = sources(join(ROOT, "packages/cli/src")).filter((file) =>
      /^import (?!type )[^;]*from "(@rapk\/report|@rapk\/import|pdfkit|\.\.?\/print\/(printPdf|quarterPdf|pdfDocument)\.js)";/m.test(readFileSync(file, "utf8")) &&
      !file.includes("/print/"),
    );
    expect(eager).toEqual([]);
  });
});
