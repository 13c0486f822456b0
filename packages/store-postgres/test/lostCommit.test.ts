import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CuttingProxy } from "./support/cuttingProxy.js";
import { STACK, rapk } from "./support/rapkInProcess.js";
import { freshDatabase } from "./support/server.js";

// The connection cut at COMMIT, the one moment of an append where rapk cannot know by itself
// whether the version went in: before the server got COMMIT, after it committed (the reply lost),
// and after it committed with the server gone away. Each time rapk says what it found on a new
// connection, never a guess, and the plan verifies as the old version or the new one.
const PASSWORD = "L0st-c0mmit-pw";
const SEED = new URL("../../examples/sources/rapk-2024-loka-pom-rejang-lebong.txt", import.meta.url).pathname;

describe("a connection lost at COMMIT", () => {
  let direct: string;
  let folder: string;
  let proxy: CuttingProxy;
  let trial = 0;
  const outputs: string[] = [];

  const through = () => {
    const url = new URL(proxy.url);
    url.password = PASSWORD;
    return `${url.toString()}#lost-plan`;
  };
  const versions = async () => {
    const verify = await rapk(folder, "verify", direct);
    expect(verify.code, verify.stderr).toBe(0);
    return Number(/(\d+) versions?,/.exec(verify.stdout)?.[1]);
  };
  const apply = async () => {
    trial++;
    writeFileSync(join(folder, "rev.json"), JSON.stringify({ meta: { actor: "Admin", reason: `uji ${trial}`, kind: "rapk", at: `2024-03-0${trial}T09:00:00+07:00` }, commands: [{ type: "renameIndicator", data: { indicator: "01.01", name: `Nama ke-${trial}` } }] }));
    const run = await rapk(folder, "apply", through(), "rev.json");
    outputs.push(run.stdout, run.stderr);
    expect(STACK.test(run.stdout + run.stderr), run.stderr).toBe(false);
    expect(proxy.cuts, "the proxy cut no session at COMMIT").toBe(1);
    return run;
  };

  beforeAll(async () => {
    direct = `${await freshDatabase("lost")}#lost-plan`;
    folder = mkdtempSync(join(tmpdir(), "rapk-lost-"));
    const imported = await rapk(folder, "import", SEED, "--out", direct, "--at", "2024-02-22T10:00:00+07:00");
    expect(imported.code, imported.stderr).toBe(0);
  });

  beforeEach(async () => {
    proxy = await CuttingProxy.start(direct.replace(/#.*/, ""));
  });

  afterEach(async () => {
    await proxy.close();
  });

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("before the server got COMMIT: exit 4, the version was NOT committed (checked after reconnecting), the plan where it was", async () => {
    const before = await versions();
    proxy.arm("before-commit");
    const run = await apply();
    expect(run.code, run.stderr).toBe(4);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(
      new RegExp(`CONNECTION_LOST: the connection to PostgreSQL at postgres://[^ ]*:\\*\\*\\*@[^ ]* was lost while appending version ${before + 1} of plan lost-plan; version ${before + 1} was NOT committed \\(checked after reconnecting: the plan is at version ${before}\\); nothing was written, apply it again`),
    );
    expect(await versions()).toBe(before);
  });

  it("after the server committed, its answer lost: exit 0, and a note that the version was found committed after reconnecting", async () => {
    const before = await versions();
    proxy.arm("after-commit");
    const run = await apply();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^applied rev\\.json to postgres://[^ ]*: version ${before + 1} `));
    expect(run.stderr).toMatch(new RegExp(`^rapk: postgres://[^ ]*: note: the connection was lost after COMMIT was sent; checked after reconnecting: version ${before + 1} of plan lost-plan is committed\\n$`));
    expect(await versions()).toBe(before + 1);
  });

  it("after the server committed and went away: exit 4, saying COMMIT was sent, the server could not be reached to check, and how to find out", async () => {
    const before = await versions();
    proxy.arm("after-commit-then-down");
    const run = await apply();
    expect(run.code, run.stderr).toBe(4);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(new RegExp(`CONNECTION_LOST: .*was lost while appending version ${before + 1} of plan lost-plan after COMMIT was sent, and the server cannot be reached to check; \`rapk log\` on the plan shows whether version ${before + 1} is there once the server is back`));
    // It was committed: the server got COMMIT and answered before the session was cut.
    expect(await versions()).toBe(before + 1);
  });

  it("never prints the password", () => {
    expect(outputs.length).toBe(6);
    for (const out of outputs) expect(out).not.toContain(PASSWORD);
  });
});
