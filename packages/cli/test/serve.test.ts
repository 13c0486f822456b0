import { spawn } from "node:child_process";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BINARY, ROOT, expectOneLineError, rapk, tempFolder } from "./helpers.js";

const EXAMPLE = join(ROOT, "packages/examples/loka-pom-rejang-lebong-2024-history.ndjson");

/** Starts `rapk serve` as a child process and waits for the line saying where it listens. */
function serve(...argv: string[]) {
  const child = spawn(process.execPath, [BINARY, "serve", ...argv], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const found = /at (http:\/\/\S+?)[;\s]/.exec(stdout);
      if (found) resolve(found[1] as string);
    });
    exited.then(() => reject(new Error(`rapk serve ended before serving: ${stderr}`)));
  });
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

describe("rapk serve", () => {
  it("serves a folder of logs on a loopback port, answers the API, and stops on SIGTERM with exit 0", async () => {
    const folder = tempFolder();
    copyFileSync(EXAMPLE, join(folder, "loka-pom-rejang-lebong-2024.ndjson"));
    const server = serve(folder, "--port", "0");
    const url = await server.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const document = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toContain("/api/plans/{plan}/state");
    expect((await fetch(`${url}/api/plans`)).status).toBe(401);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(server.output().stderr).toContain("SIGTERM: stopping");
  });

  it("refuses a bad port, an origin that is not an address, and a store that is not there, in one line", async () => {
    const folder = tempFolder();
    for (const argv of [
      [folder, "--port", "http"],
      [folder, "--port", "70000"],
      [folder, "--origin", "rapk.example.go.id/path"],
      [join(folder, "missing")],
      [folder, "--viewer", folder],
    ]) {
      const run = await rapk(folder, "serve", ...argv);
      expect(run.code, argv.join(" ")).toBe(1);
      expectOneLineError(run);
    }
  });
});
