import { ERROR_MESSAGES, RapkError, isRapkError } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { CLI_ERROR_CODES, CliError, EXIT, errorLine, isCliError } from "../src/cliError.js";

describe("CliError is a RapkError, compared by code", () => {
  it("given no code, when raised, then it is a usage mistake (USAGE) with exit 1", () => {
    const error = new CliError("--month 13: expected a month number 1-12");
    expect(isRapkError(error, "USAGE")).toBe(true);
    expect(isCliError(error)).toBe(true);
    expect(error.exitCode).toBe(EXIT.input);
  });

  it("given the code behind it, when raised, then it carries that code and its exit", () => {
    const error = new CliError("conflict: the log is at version 2", { file: "plan.ndjson", code: "CONFLICT" }, EXIT.conflict);
    expect(isRapkError(error, "CONFLICT")).toBe(true);
    expect(error.exitCode).toBe(EXIT.conflict);
  });

  it("is recognised by its shape, not its class: a rapk error of another copy with an exit code counts, one without does not", () => {
    // What `instanceof` would miss: the same error made by another build of the package.
    const fromAnotherCopy = Object.assign(new RapkError("FILE_UNREADABLE", "no such file"), { exitCode: 1, file: "x", line: undefined });
    expect(isCliError(fromAnotherCopy)).toBe(true);
    expect(isCliError(new RapkError("CONFLICT", "moved on"))).toBe(false);
    expect(isCliError(new Error("a bug"))).toBe(false);
  });

  it("explains in plain words a code behind the error, never the command line's own (its message is the plain words)", () => {
    const conflict = errorLine(new CliError("conflict: moved on", { file: "plan.ndjson", code: "CONFLICT" }));
    expect(conflict).toBe(`rapk: plan.ndjson: conflict: moved on (in plain words: ${ERROR_MESSAGES.CONFLICT.en.replace(/^./, (c) => c.toUpperCase())})`);
    for (const code of CLI_ERROR_CODES) expect(errorLine(new CliError("no such file", { file: "plan.ndjson", code }))).toBe("rapk: plan.ndjson: no such file");
  });

  it("has each of the command line's own codes in core's table, in both languages", () => {
    for (const code of CLI_ERROR_CODES) {
      expect(ERROR_MESSAGES[code].id).not.toBe("");
      expect(ERROR_MESSAGES[code].en).not.toBe("");
    }
  });
});
