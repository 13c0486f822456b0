import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError, EXIT } from "../src/cliError.js";
import { writeFileAtomic } from "../src/files.js";
import { withLock } from "../src/lock.js";
import { tempFolder } from "./helpers.js";

describe("writeFileAtomic", () => {
  it("replaces a file whole and leaves no temporary file behind", async () => {
    const folder = tempFolder();
    const target = join(folder, "plan.ndjson");
    writeFileSync(target, "old\n");
    await writeFileAtomic(target, "new\nlines\n", { overwrite: true });
    expect(readFileSync(target, "utf8")).toBe("new\nlines\n");
    expect(readdirSync(folder)).toEqual(["plan.ndjson"]);
  });

  it("will not replace an existing file when told not to, and cleans up", async () => {
    const folder = tempFolder();
    const target = join(folder, "plan.ndjson");
    writeFileSync(target, "keep\n");
    await expect(writeFileAtomic(target, "other\n", { overwrite: false })).rejects.toMatchObject({ code: "EEXIST" });
    expect(readFileSync(target, "utf8")).toBe("keep\n");
    expect(readdirSync(folder)).toEqual(["plan.ndjson"]);
    await writeFileAtomic(join(folder, "fresh.ndjson"), "x\n", { overwrite: false });
    expect(readFileSync(join(folder, "fresh.ndjson"), "utf8")).toBe("x\n");
  });
});

describe("withLock", () => {
  it("makes a second writer wait, then fail with a conflict, while the first holds the lock", async () => {
    const folder = tempFolder();
    const target = join(folder, "plan.ndjson");
    writeFileSync(target, "");
    let inner: unknown;
    await withLock(target, "plan.ndjson", async () => {
      inner = await withLock(target, "plan.ndjson", async () => "got it", { waitMs: 300 }).catch((error: unknown) => error);
    });
    expect(inner).toBeInstanceOf(CliError);
    expect((inner as CliError).exitCode).toBe(EXIT.conflict);
    expect((inner as CliError).message).toMatch(/^conflict: another rapk process is writing this log/);
    // Released after the first: a third writer gets it at once.
    expect(await withLock(target, "plan.ndjson", async () => "got it")).toBe("got it");
    expect(readdirSync(folder)).toEqual(["plan.ndjson"]);
  });

  it("releases the lock when the work fails", async () => {
    const folder = tempFolder();
    const target = join(folder, "plan.ndjson");
    writeFileSync(target, "");
    await expect(withLock(target, "plan.ndjson", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await withLock(target, "plan.ndjson", async () => 1, { waitMs: 100 })).toBe(1);
  });
});
