import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/cliError.js";
import { writeFileAtomic } from "../src/files.js";
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
