import { createReadStream, existsSync, statSync } from "node:fs";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import type { TestProject } from "vitest/node";

const APP = fileURLToPath(new URL("../..", import.meta.url));
const DIST = join(APP, "dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".ndjson": "application/x-ndjson",
  ".json": "application/json",
};

/** Serves the built folder as any static host would: files only, index.html for /. */
function serve(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(root, path === "/" ? "index.html" : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dist: string;
  }
}

/** Builds the viewer for production once, and serves it on a free port for every e2e test. */
export default async function setup(project: TestProject) {
  // Vitest runs with NODE_ENV=test; the build must be the production one users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  await build({ root: APP, configFile: join(APP, "vite.config.ts"), logLevel: "warn" });
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  const server = await serve(resolve(DIST));
  const { port } = server.address() as AddressInfo;
  project.provide("baseUrl", `http://127.0.0.1:${port}/`);
  project.provide("dist", DIST);
  return () => new Promise<void>((done) => server.close(() => done()));
}
