import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SEED, expectOneLineError, importedSeed, rapk, tempFolder } from "./helpers.js";

describe("a user's mistake is one line on stderr, never a stack trace", () => {
  it("a missing file", async () => {
    const folder = tempFolder();
    for (const argv of [["show", "nope.ndjson"], ["verify", "nope.ndjson"], ["import", "nope.txt", "--out", "x.ndjson"], ["log", "nope.ndjson"]]) {
      const run = await rapk(folder, ...argv);
      expect(run.code).toBe(1);
      expect(expectOneLineError(run)).toMatch(/^rapk: nope\.(ndjson|txt): no such file$/);
    }
  });

  it("a binary file, named with the line of its first NUL byte", async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, "plan.ndjson"), Buffer.from([0x7b, 0x0a, 0x00, 0xff, 0x10]));
    const run = await rapk(folder, "show", "plan.ndjson");
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toBe("rapk: plan.ndjson:2: is not a text file (binary data: a NUL byte at offset 2)");
    writeFileSync(join(folder, "latin1.txt"), Buffer.from("Rencana Aksi \xe9t\xe9", "latin1"));
    const latin = await rapk(folder, "import", "latin1.txt", "--out", "x.ndjson");
    expect(expectOneLineError(latin)).toBe("rapk: latin1.txt: is not UTF-8 text");
  });

  it("a folder where a file is expected", async () => {
    const folder = tempFolder();
    mkdirSync(join(folder, "logs"));
    const run = await rapk(folder, "verify", "logs");
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toBe("rapk: logs: is a folder, not a file");
  });

  it("a log that is not a log names its line", async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, "plan.ndjson"), "this is not json\n");
    const run = await rapk(folder, "show", "plan.ndjson");
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toMatch(/^rapk: plan\.ndjson:1: /);
  });

  it("a revision that is not JSON, or is empty", async () => {
    const folder = await importedSeed();
    writeFileSync(join(folder, "rev.json"), "meta: nope\n");
    const run = await rapk(folder, "apply", "plan.ndjson", "rev.json");
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toMatch(/^rapk: rev\.json:1: is not valid JSON: /);
    writeFileSync(join(folder, "empty.json"), "");
    const empty = await rapk(folder, "apply", "plan.ndjson", "empty.json");
    expect(expectOneLineError(empty)).toBe("rapk: empty.json:1: is empty, expected JSON");
  });

  it("usage errors: unknown command, unknown option, missing argument, no command", async () => {
    const folder = tempFolder();
    const cases: [string[], RegExp][] = [
      [["shwo", "x"], /^rapk: unknown command 'shwo'/],
      [["show", "x", "--jsno"], /^rapk: unknown option '--jsno'/],
      [["apply", "x"], /^rapk: missing required argument 'revision'/],
      [["import", SEED], /^rapk: required option '-o, --out <log>' not specified/],
      [[], /^rapk: missing command/],
      [["apply", "a", "b", "--expect-version", "two"], /^rapk: --expect-version two: expected a whole number$/],
      [["import", SEED, "--out", "x.ndjson", "--at", "2024-02-22"], /^rapk: --at 2024-02-22: must be an ISO date-time/],
    ];
    for (const [argv, expected] of cases) {
      const run = await rapk(folder, ...argv);
      expect(run.code, argv.join(" ")).toBe(1);
      expect(expectOneLineError(run)).toMatch(expected);
    }
  });
});

describe("--help", () => {
  it("is on every command, exits 0 and names the options", async () => {
    const folder = tempFolder();
    const commands: [string, string][] = [
      ["import", "--out <log>"],
      ["show", "--as-of <version|date>"],
      ["export", "--format <format>"],
      ["apply", "--expect-version <n>"],
      ["log", "--json"],
      ["diff", "--from <version|date>"],
      ["verify", "<log>"],
      ["report", "--month <1-12>"],
    ];
    for (const [command, option] of commands) {
      const run = await rapk(folder, command, "--help");
      expect(run.code, command).toBe(0);
      expect(run.stderr).toBe("");
      expect(run.stdout).toContain(`Usage: rapk ${command}`);
      expect(run.stdout).toContain(option);
    }
    const top = await rapk(folder, "--help");
    expect(top.code).toBe(0);
    for (const [command] of commands) expect(top.stdout).toContain(`  ${command}`);
    expect(top.stdout).toContain("Exit codes: 0 ok, 1 bad input or verify failed, 2 refused by the plan's rules, 3 conflict, 4 store unreachable or connection lost, 5 refused by the system");
  });
});
