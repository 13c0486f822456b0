import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import type { TestProject } from "vitest/node";
import { serveStatic } from "./staticServer.js";

const APP = fileURLToPath(new URL("../..", import.meta.url));
const DIST = join(APP, "dist");

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
  const { server, url } = await serveStatic(DIST);
  project.provide("baseUrl", url);
  project.provide("dist", DIST);
  return () => new Promise<void>((done) => server.close(() => done()));
}
