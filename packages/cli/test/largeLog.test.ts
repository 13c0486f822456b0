import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditLog, parseLog } from "@rapk/history";
import { MAX_TEXT_BYTES } from "../src/files.js";
import type { Io } from "../src/io.js";
import { LargeLogFile, readLogText, textOf } from "../src/logText.js";
import { main } from "../src/main.js";
import { ROOT, type Run, tempFolder } from "./helpers.js";

// A v2 log (the bundled history as the second release wrote it): its lines hash as canonical JSON, so whitespace inside them pads a log to any size and it still verifies.
const V2 = readFileSync(join(ROOT, "packages/history/test/fixtures/v2-loka-pom-rejang-lebong-2024-history.ndjson"), "utf8");

/** Runs rapk with the clock just after the history's last version (5 July 2024). */
async function at(cwd: string, ...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, now: () => new Date("2024-07-20T03:00:00Z") });
  return { code, stdout, stderr };
}

/** `text` with every line padded inside its JSON object so that the file has at least `bytes` bytes, written without making it a string. */
function writePadded(file: string, text: string, bytes: number): void {
  const lines = text.split("\n").filter((line) => line.length > 0);
  const pad = Buffer.alloc(Math.ceil(bytes / lines.length), " ");
  const fd = openSync(file, "w");
  try {
    for (const line of lines) {
      writeSync(fd, "{");
      writeSync(fd, pad);
      writeSync(fd, `${line.slice(1)}\n`);
    }
  } finally {
    closeSync(fd);
  }
}

const io = (cwd: string): Io => ({ cwd, stdout: { write: () => true }, stderr: { write: () => true } });

const report = JSON.stringify({
  meta: { actor: "Pengelola Kinerja", reason: "Laporan Juli", kind: "report" },
  commands: [{ type: "reportRealisation", data: { indicator: "01.01", month: 7, value: 98 } }],
});

describe("a log too large to read whole (over 500 MiB)", () => {
  it("given a log over the size read whole, when it is verified, shown and appended to, then it is read in pieces and every answer is the one of the same log read whole", async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, "small.ndjson"), V2);
    writePadded(join(folder, "large.ndjson"), V2, MAX_TEXT_BYTES + 1024 * 1024);
    expect(await readLogText(io(folder), "large.ndjson")).toBeInstanceOf(LargeLogFile);
    expect(await readLogText(io(folder), "small.ndjson")).toBe(V2);
    writeFileSync(join(folder, "juli.json"), report);

    const verified = await at(folder, "verify", "large.ndjson");
    expect(verified).toEqual(await at(folder, "verify", "small.ndjson"));
    expect(verified.code).toBe(0);
    const shown = await at(folder, "show", "large.ndjson", "--json");
    expect(shown.code).toBe(0);
    expect(shown).toEqual(await at(folder, "show", "small.ndjson", "--json"));

    for (const log of ["small.ndjson", "large.ndjson"]) expect(await at(folder, "apply", log, "juli.json")).toMatchObject({ code: 0, stderr: "" });
    const after = await at(folder, "verify", "large.ndjson");
    expect(after.code).toBe(0);
    expect(after.stdout).toBe((await at(folder, "verify", "small.ndjson")).stdout);
    expect(after.stdout).not.toBe(verified.stdout);
  }, 300_000);

  it("given a large log with one figure changed, when it is verified or shown, then the changed line is named as in the same log read whole, and --unverified shows it marked", async () => {
    const folder = tempFolder();
    const lines = V2.split("\n");
    const at200 = lines.findIndex((line, i) => i > 200 && line.includes('"value":'));
    lines[at200] = (lines[at200] as string).replace(/"value":(\d)/, (_, d: string) => `"value":${(Number(d) + 1) % 10}`);
    const changed = lines.join("\n");
    writeFileSync(join(folder, "small.ndjson"), changed);
    writePadded(join(folder, "large.ndjson"), changed, MAX_TEXT_BYTES + 1024 * 1024);

    const refused = await at(folder, "verify", "large.ndjson");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`large.ndjson:${at200 + 1}:`);
    expect(refused.stderr.replace("large", "small")).toBe((await at(folder, "verify", "small.ndjson")).stderr);
    const shown = await at(folder, "show", "large.ndjson");
    expect(shown.code).toBe(1);
    expect(shown.stderr).toContain(`large.ndjson:${at200 + 1}:`);
    const marked = await at(folder, "show", "large.ndjson", "--unverified");
    expect(marked.code).toBe(0);
    expect(marked.stdout).toContain("NOT VERIFIED");
    expect(marked.stdout).toBe((await at(folder, "show", "small.ndjson", "--unverified")).stdout);
  }, 300_000);
});

describe("a large log read in pieces", () => {
  it("given a character split across two pieces, then it is read whole, and the reading is the text's", async () => {
    const folder = tempFolder();
    // "é" is two bytes in UTF-8: pad the first line so that one falls across the 4 MiB piece boundary.
    const first = V2.indexOf("\n");
    const text = `{${" ".repeat(4 * 1024 * 1024 - 2)}"é":0,${V2.slice(1, first)}\n${V2.slice(first + 1)}`;
    writeFileSync(join(folder, "log.ndjson"), text);
    const large = await readLogText(io(folder), "log.ndjson", 1024);
    expect(large).toBeInstanceOf(LargeLogFile);
    expect(parseLog(textOf(large))).toEqual(parseLog(text));
    // Each reading starts again from the beginning.
    expect(auditLog(textOf(large))).toEqual(auditLog(text));
  });

  it("given bytes that are not UTF-8, when the large log is read, then it is refused naming the file, as a log read whole is", async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, "log.ndjson"), Buffer.concat([Buffer.from(V2.slice(0, 2000)), Buffer.from([0xff, 0xfe]), Buffer.from("\n")]));
    const large = await readLogText(io(folder), "log.ndjson", 1024);
    expect(() => parseLog(textOf(large))).toThrow(expect.objectContaining({ code: "FILE_UNREADABLE", file: "log.ndjson", message: expect.stringContaining("not UTF-8") }));
  });
});
