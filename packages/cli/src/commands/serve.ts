import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { pathOf } from "../files.js";
import { println } from "../io.js";
import { openStoreArgument } from "../storeArgument.js";

/** The viewer built in this checkout (apps/viewer/dist), when there is one beside the CLI's build. */
const BUILT_VIEWER = fileURLToPath(new URL("../../../apps/viewer/dist/", import.meta.url));

/** Ends when the process is asked to stop (Ctrl-C, a service manager's SIGTERM). */
const stopRequested = () =>
  new Promise<string>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve(signal));
  });

export function registerServe(program: Command, { io }: Context): void {
  program
    .command("serve")
    .summary("serve a store's plans over HTTP: the JSON API, sign-in by key, the viewer")
    .description(
      "Serves a store (a folder of <plan>.ndjson logs, or a postgres:// URL) on this machine only (127.0.0.1) unless --host says otherwise: the JSON API (GET /openapi.json describes it), sign-in by a member's Ed25519 key, and the viewer. Stops on Ctrl-C or SIGTERM. Put a TLS reverse proxy in front of it to serve others, and give its address with --origin (docs/server.md).",
    )
    .argument("<store>", "a folder of <plan>.ndjson logs, or postgres://user@host:5432/database")
    .option("--port <n>", "the port to listen on (0: any free one)", "8080")
    .option("--host <address>", "the address to listen on (default 127.0.0.1: this machine only)", "127.0.0.1")
    .option("--origin <url>", "the site's address as browsers reach it through a reverse proxy (https://rapk.example.go.id): writes must come from it, cookies are Secure when it is https")
    .option("--viewer <folder>", "the built viewer to serve at / (default: apps/viewer/dist of this checkout, when built)")
    .addHelpText("after", "\nExamples:\n  rapk serve plans/\n  rapk serve plans/ --port 8443 --origin https://rapk.example.go.id\n  rapk serve postgres://rapk@127.0.0.1:5432/rapk")
    .action(async (arg: string, options: { port: string; host: string; origin?: string; viewer?: string }) => {
      const port = Number(options.port);
      if (!/^[0-9]{1,5}$/.test(options.port) || port > 65_535) throw new CliError(`--port ${options.port}: expected a port number, 0 to 65535`);
      if (options.origin !== undefined && !/^https?:\/\/[^/\s]+$/.test(options.origin))
        throw new CliError(`--origin ${options.origin}: expected the site's address, scheme and host only (https://rapk.example.go.id)`);
      const viewer = options.viewer === undefined ? (existsSync(`${BUILT_VIEWER}index.html`) ? BUILT_VIEWER : undefined) : pathOf(io, options.viewer);
      if (viewer !== undefined && !existsSync(`${viewer}/index.html`)) throw new CliError("holds no index.html: build the viewer (pnpm --filter @rapk/viewer build) or name its dist folder", { file: options.viewer ?? viewer });
      const { store, shown } = await openStoreArgument(io, arg);
      const { startServer } = await import("@rapk/server");
      const log = (line: string) => println(io.stderr, `rapk serve: ${line}`);
      let server;
      try {
        server = await startServer({ store, port, host: options.host, ...(options.origin ? { origin: options.origin } : {}), ...(viewer ? { viewerDir: viewer } : {}), log });
      } catch (error) {
        await store.close();
        const code = (error as NodeJS.ErrnoException).code;
        throw new CliError(code === "EADDRINUSE" ? `port ${port} on ${options.host} is taken: choose another with --port` : code === "EADDRNOTAVAIL" ? `${options.host} is not an address of this machine` : `cannot listen: ${(error as Error).message}`);
      }
      println(io.stdout, `rapk: serving ${shown} at ${server.url}${options.origin ? ` (as ${options.origin})` : ""}${viewer ? "" : "; no viewer (the API only)"}; Ctrl-C stops`);
      const signal = await stopRequested();
      log(`${signal}: stopping`);
      await server.close();
      await store.close();
    });
}
