import { describe, expect, it } from "vitest";
import { renderTable } from "../src/format/table.js";

describe("renderTable", () => {
  it("lays out more rows than a function call takes arguments (a big plan's year of changes)", () => {
    // Given 300,000 rows (a spread into Math.max or push overflows the stack from about 120,000),
    const rows = Array.from({ length: 300_000 }, (_, i) => [`spending-changed`, `line ${i}`]);
    // when laid out, then every row is there, padded to the widest cell.
    const lines = renderTable([{ header: "KIND" }, { header: "SUBJECT" }], rows);
    expect(lines).toHaveLength(300_002);
    expect(lines[0]).toBe(`KIND              SUBJECT`);
    expect(lines.at(-1)).toBe("spending-changed  line 299999");
  });
});
