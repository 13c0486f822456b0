import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hasRawControl } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { POK_SHIFT, SEED, expectOneLineError, importedSeed, rapk, tempFolder, writeJson } from "../helpers.js";

const META = { actor: "Admin", reason: "uji", kind: "rapk", at: "2024-03-01T09:00:00+07:00" };

describe("the control-character gate", () => {
  it("refuses ESC in a renamed indicator's name, naming the field, and leaves the log as it was (exit 1)", async () => {
    const folder = await importedSeed();
    const before = readFileSync(join(folder, "plan.ndjson"));
    writeJson(folder, "rename.json", { meta: META, commands: [{ type: "renameIndicator", data: { indicator: "01.01", name: "\u001b[2Jclear" } }] });
    const run = await rapk(folder, "apply", "plan.ndjson", "rename.json");
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toMatch(/command 1 \(renameIndicator\): data\.name holds the control character U\+001B \(at character 1\)/);
    expect(hasRawControl(run.stdout + run.stderr)).toBe(false);
    expect(readFileSync(join(folder, "plan.ndjson")).equals(before)).toBe(true);
  });

  it("refuses a C1 byte (U+009B, the CSI) in a revision's reason, and a BEL in its actor", async () => {
    const folder = await importedSeed();
    writeJson(folder, "c1.json", { ...POK_SHIFT, meta: { ...POK_SHIFT.meta, reason: "pok \u009b2J" } });
    expect(expectOneLineError(await rapk(folder, "apply", "plan.ndjson", "c1.json"))).toMatch(/meta\.reason holds the control character U\+009B/);
    writeJson(folder, "bel.json", { ...POK_SHIFT, meta: { ...POK_SHIFT.meta, actor: "KPA\u0007" } });
    expect(expectOneLineError(await rapk(folder, "apply", "plan.ndjson", "bel.json"))).toMatch(/meta\.actor holds the control character U\+0007/);
  });

  it("lets a tab and a newline through in a report's note, and nothing else", async () => {
    const folder = await importedSeed();
    const report = (note: string) => ({ meta: { ...META, kind: "report" }, commands: [{ type: "reportRealisation", data: { indicator: "01.01", month: 1, value: 1, note } }] });
    writeJson(folder, "esc.json", report("baris satu\n\u001b[31mmerah"));
    expect(expectOneLineError(await rapk(folder, "apply", "plan.ndjson", "esc.json"))).toMatch(/note holds the control character U\+001B/);
    writeJson(folder, "ok.json", report("baris satu\n\tbaris dua"));
    expect((await rapk(folder, "apply", "plan.ndjson", "ok.json")).code).toBe(0);
  });

  it("escapes a control character in what it prints, whatever brought it (here a file's name)", async () => {
    const folder = tempFolder();
    const run = await rapk(folder, "show", "\u001b]0;owned\u0007.ndjson");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("\\u001b]0;owned\\u0007.ndjson");
    expect(hasRawControl(run.stderr)).toBe(false);
  });
});

describe("every input bounded", () => {
  it("refuses /dev/zero and a pipe as a log before reading them (not a regular file)", async () => {
    const folder = tempFolder();
    const zero = await rapk(folder, "show", "/dev/zero");
    expect(zero.code).toBe(1);
    expect(expectOneLineError(zero)).toBe("rapk: /dev/zero: is not a regular file (a device, a pipe or a socket); rapk reads regular files only");
    execFileSync("mkfifo", [join(folder, "pipe.ndjson")]);
    expect(expectOneLineError(await rapk(folder, "verify", "pipe.ndjson"))).toMatch(/is not a regular file/);
  });

  it("refuses a revision nested 100,000 deep at once, and a number JSON would round", async () => {
    const folder = await importedSeed();
    writeFileSync(join(folder, "deep.json"), `${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    const deep = await rapk(folder, "apply", "plan.ndjson", "deep.json");
    expect(deep.code).toBe(1);
    expect(expectOneLineError(deep)).toBe("rapk: deep.json:1: nests deeper than 32 levels of [ and { (in plain words: This JSON nests deeper than 32 levels; no revision or log line is that deep.)");
    writeJson(folder, "big.json", { meta: META, commands: [] });
    writeFileSync(join(folder, "big.json"), `{"meta": ${JSON.stringify(META)}, "commands": [{"type": "reviseCeiling", "data": {"ceiling": 9007199254740993}}]}`);
    const big = await rapk(folder, "apply", "plan.ndjson", "big.json");
    expect(big.code).toBe(1);
    expect(expectOneLineError(big)).toMatch(/^rapk: big\.json:1: holds the number 9007199254740993, past the largest whole number kept exactly/);
  });

  it("quotes no file's first bytes when it is not JSON (a link to /etc/passwd as a revision)", async () => {
    const folder = await importedSeed();
    symlinkSync("/etc/passwd", join(folder, "rev.json"));
    const run = await rapk(folder, "apply", "plan.ndjson", "rev.json");
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain("root:x");
  });

  it("refuses a log line nested 200,000 deep by its line number, as show, verify and apply read it", async () => {
    const folder = await importedSeed();
    const lines = readFileSync(join(folder, "plan.ndjson"), "utf8").split("\n");
    writeFileSync(join(folder, "deep.ndjson"), `${lines[0]}\n{"padding": ${"[".repeat(200_000)}${"]".repeat(200_000)}}\n`);
    for (const command of ["show", "verify", "log"]) {
      const run = await rapk(folder, command, "deep.ndjson");
      expect(run.code).not.toBe(0);
      expect(run.stdout + run.stderr).not.toMatch(/internal error|call stack/i);
      expect(run.stdout + run.stderr).toMatch(/\b2\b[^\n]*nests deeper than 32 levels/);
    }
  });

  it("quotes no log's first bytes when it is not JSON (a link to /etc/passwd as the log)", async () => {
    const folder = tempFolder();
    symlinkSync("/etc/passwd", join(folder, "plan.ndjson"));
    for (const command of ["show", "verify", "repair"]) {
      const run = await rapk(folder, command, "plan.ndjson");
      expect(run.code).not.toBe(0);
      expect(run.stdout + run.stderr).not.toContain("root:x");
      expect(run.stdout + run.stderr).toMatch(/not valid JSON/);
    }
  });

  it("keeps a 10,000-character plan id out of the error line, and reads #% as a plan id it refuses", async () => {
    const folder = tempFolder();
    const long = await rapk(folder, "show", `postgres://rapk@127.0.0.1:1/rapk#${"x".repeat(10_000)}`);
    expect(long.stderr.length).toBeLessThan(1_200);
    const percent = await rapk(folder, "show", "postgres://rapk@127.0.0.1:1/rapk#%");
    expect(percent.stderr).not.toMatch(/URI malformed|internal error/);
  });
});

describe("one redaction of a store URL's password", () => {
  it.each([
    ["user:password@", "postgres://rapk:Sekr3t-pw@127.0.0.1:1/rapk#plan", "Sekr3t-pw"],
    ["an unencoded @ in the password", "postgres://rapk:p@ss-w0rd@127.0.0.1:1/rapk#plan", "p@ss-w0rd"],
    ["?password=", "postgres://rapk@127.0.0.1:1/rapk?password=Qu3ry-pw#plan", "Qu3ry-pw"],
    ["percent-encoded", "postgresql://rapk:a%2Fb%40c-pw@127.0.0.1:1/rapk#plan", "a/b@c-pw"],
  ])("never prints it, given %s", async (_form, url, password) => {
    const folder = tempFolder();
    for (const argv of [["show", url], ["log", url, "--json"], ["import", SEED, "--out", url], ["plans", url]]) {
      const run = await rapk(folder, ...argv);
      expect(run.code).toBe(4);
      expect(run.stdout + run.stderr).not.toContain(password);
      expect(run.stdout + run.stderr).not.toContain(encodeURIComponent(password));
      expect(run.stderr).toMatch(/cannot connect to PostgreSQL/);
    }
  });
});

describe("nothing written by a failed command", () => {
  it("refuses a dangling symbolic link as import --out and creates nothing", async () => {
    const folder = tempFolder();
    symlinkSync(join(folder, "nowhere", "..", "target.ndjson"), join(folder, "link.ndjson"));
    const run = await rapk(folder, "import", SEED, "--out", "link.ndjson");
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toMatch(/^rapk: link\.ndjson: is a symbolic link to nothing/);
    expect(existsSync(join(folder, "target.ndjson"))).toBe(false);
    expect(lstatSync(join(folder, "link.ndjson")).isSymbolicLink()).toBe(true);
  });

  it.each([[[] as string[]], [["--force"]]])("refuses a link to a missing file in a folder that exists (%j), and creates neither the file nor anything else", async (extra) => {
    const folder = tempFolder();
    symlinkSync("target.ndjson", join(folder, "link.ndjson"));
    const run = await rapk(folder, "import", SEED, "--out", "link.ndjson", ...extra);
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toMatch(/^rapk: link\.ndjson: is a symbolic link to nothing; rapk does not create a log through it/);
    expect(readdirSync(folder)).toEqual(["link.ndjson"]);
    expect(readlinkSync(join(folder, "link.ndjson"))).toBe("target.ndjson");
  });
});

describe("verify, repair and apply agree about a log", () => {
  it("a log without its final newline: verify accepts it, repair has nothing to do, and apply appends to it on a line of its own", async () => {
    const folder = await importedSeed();
    const log = join(folder, "plan.ndjson");
    writeFileSync(log, readFileSync(log, "utf8").replace(/\n$/, ""));
    expect((await rapk(folder, "verify", "plan.ndjson")).code).toBe(0);
    expect((await rapk(folder, "repair", "plan.ndjson")).stdout).toMatch(/^nothing to repair/);
    writeJson(folder, "pok.json", POK_SHIFT);
    const applied = await rapk(folder, "apply", "plan.ndjson", "pok.json");
    expect(applied.code, applied.stderr).toBe(0);
    const verified = await rapk(folder, "verify", "plan.ndjson");
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/2 versions/);
  });
});
