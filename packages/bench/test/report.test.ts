import { describe, expect, it } from "vitest";
import { GOALS } from "../src/goals.js";
import { TABLE_END, TABLE_START, goalRow, goalsTable, unmeasuredRow, withGoalsTable } from "../src/report.js";

const run = { date: "2026-11-30T15:00:00.000Z", suites: ["diff"], machine: { node: "v20", cores: 2, cpu: "test cpu", platform: "linux x64", load: "3.0" } };

describe("a goal's row", () => {
  it("given a figure within the goal, when made into a row, then it carries the figure under the goal's name and passes", () => {
    const row = goalRow("time-travel-seq", 1.5, "p99 1.5 ms", {});
    expect(row).toMatchObject({ goalId: "time-travel-seq", p99Ms: 1.5, pass: true, goal: "p99 <= 2 ms" });
    expect(row.ratio).toBeUndefined();
  });

  it("given a figure past the goal, then it fails; a ratio goal keeps `ratio`", () => {
    expect(goalRow("time-travel-seq", 2.01, "", {}).pass).toBe(false);
    expect(goalRow("replay", 1.6, "", {})).toMatchObject({ ratio: 1.6, pass: false });
    expect(goalRow("emmett", 1.9, "", {}).pass).toBe(false);
    expect(goalRow("emmett", 2.1, "", {}).pass).toBe(true);
  });

  it("given a goal that only reports, then the row has no pass", () => {
    expect("pass" in goalRow("postgres-append", 40, "", {})).toBe(false);
  });

  it("given a goal that could not be measured, then it is a miss, naming why", () => {
    const goal = GOALS.find((candidate) => candidate.id === "viewer-open");
    if (!goal) throw new Error("GOALS lost viewer-open");
    expect(unmeasuredRow(goal, "no chromium")).toMatchObject({ pass: false, measured: "not measured: no chromium" });
  });
});

describe("docs/performance.md's goals table", () => {
  const rows = [goalRow("diff-year", 12.5, "median 12.5 ms | 81,285 changes", {}), goalRow("diff-month", 25, "median 25 ms", {})];
  const table = goalsTable(rows, run);

  it("lists every goal once, with the run's figures, and says which goals this run did not measure", () => {
    const body = table.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| goal") && !line.startsWith("| ---"));
    expect(body).toHaveLength(GOALS.length);
    expect(table).toContain("| median 12.5 ms \\| 81,285 changes | <= 20 ms | 12.50 ms | met |");
    expect(table).toContain("| median 25 ms | <= 20 ms | 25.00 ms | **missed** |");
    expect(body.filter((line) => line.includes("not run in this run"))).toHaveLength(GOALS.length - 2);
    expect(table).toContain("Run of 2026-11-30T15:00:00.000Z (suites: diff)");
  });

  it("replaces only the text between the markers", () => {
    const markdown = `# Performance\n\nbefore\n${TABLE_START}\nold table\n${TABLE_END}\nafter\n`;
    const written = withGoalsTable(markdown, table);
    expect(written).toBe(`# Performance\n\nbefore\n${TABLE_START}\n${table}\n${TABLE_END}\nafter\n`);
    expect(withGoalsTable(written, table)).toBe(written);
  });

  it("refuses a document without the markers rather than losing the table", () => {
    expect(() => withGoalsTable("# Performance\n", table)).toThrow(/markers/);
  });
});
