import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCHEMA_SQL } from "../src/schema.js";

const stores = readFileSync(new URL("../../../docs/stores.md", import.meta.url), "utf8");
const normal = (sql: string) => sql.replace(/--[^\n]*/g, "").replace(/\s+/g, " ").trim();

describe("docs/stores.md", () => {
  it("shows the schema the store creates, statement for statement", () => {
    const shown = /### How it keeps a log\n\n```sql\n([\s\S]*?)```/.exec(stores)?.[1];
    expect(shown, "docs/stores.md has a sql block under 'How it keeps a log'").toBeDefined();
    expect(normal(shown as string)).toBe(normal(SCHEMA_SQL));
  });
});
