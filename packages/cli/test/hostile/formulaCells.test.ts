import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importedSeed, rapk, writeJson } from "../helpers.js";

const FORMULA = "=cmd|' /C calc'!A0";

/** The seed with indicator 01.01 renamed to a formula, as version 2. */
async function renamedToFormula(): Promise<string> {
  const folder = await importedSeed();
  writeJson(folder, "rename.json", {
    meta: { actor: "Admin", reason: "uji", kind: "rapk", at: "2024-03-01T09:00:00+07:00" },
    commands: [{ type: "renameIndicator", data: { indicator: "01.01", name: FORMULA } }],
  });
  expect((await rapk(folder, "apply", "plan.ndjson", "rename.json")).code).toBe(0);
  return folder;
}

describe("a name that is a formula never starts a spreadsheet cell", () => {
  it.each(["en", "id"])("diff --format csv --csv-locale %s writes it with an apostrophe, as export does", async (locale) => {
    const folder = await renamedToFormula();
    const diff = await rapk(folder, "diff", "plan.ndjson", "--from", "1", "--to", "2", "--format", "csv", "--csv-locale", locale);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain(`'${FORMULA}`);
    const cells = diff.stdout.split(/[\r\n]+/).flatMap((line) => line.split(locale === "id" ? ";" : ",")).map((cell) => cell.replace(/^"/, ""));
    expect(cells.filter((cell) => /^[=+@]/.test(cell))).toEqual([]);

    expect((await rapk(folder, "export", "plan.ndjson", "--format", "csv", "--out", "plan.csv")).code).toBe(0);
    expect(readFileSync(join(folder, "plan.csv"), "utf8")).toContain(`'${FORMULA}`);
  });
});
