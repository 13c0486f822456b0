import preact from "@preact/preset-vite";
import { fileURLToPath } from "node:url";
import { type Plugin, defineConfig } from "vite";
import { viewerAliases } from "./viewer.aliases.js";
import { workbenchPage } from "./vite.workbench.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The built worker's file name in assets/, known to src/model/workerLoader.ts. */
const WORKER_ENTRY = "parse-worker";
/** Its helper, which hashes a log's lines while it verifies the rest (src/worker/parse.worker.ts). */
const HASH_WORKER_ENTRY = "hash-worker";
const WORKERS = [WORKER_ENTRY, HASH_WORKER_ENTRY];

/**
 * The built page may run only its own scripts, so even if a name from a file ever reached the
 * DOM as markup it could not run. Build only: the development server injects its own helpers.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const contentSecurityPolicy: Plugin = {
  name: "rapk-content-security-policy",
  apply: "build",
  transformIndexHtml: () => [{ tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY }, injectTo: "head-prepend" }],
};

export default defineConfig(({ command }) => ({
  plugins: [preact(), contentSecurityPolicy, workbenchPage(contentSecurityPolicy)],
  // Where the worker is: the built entry beside the app's chunks, or its source in development.
  define: {
    __PARSE_WORKER__: JSON.stringify(command === "build" ? `./${WORKER_ENTRY}.js` : "../worker/parse.worker.ts"),
    __HASH_WORKER__: JSON.stringify(command === "build" ? `./${HASH_WORKER_ENTRY}.js` : "./hash.worker.ts"),
  },
  resolve: { alias: viewerAliases },
  // Relative asset URLs: the built folder works from any path, or straight from a static host.
  base: "./",
  build: {
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: true,
    // The worker loads the table importer with import(); Vite's preload of a chunk's imports
    // adds <link> tags to `document`, which a worker has not: there the chunk loads its imports.
    modulePreload: { resolveDependencies: (_file, deps, { hostId }) => (WORKERS.some((worker) => hostId.includes(worker)) ? [] : deps) },
    rolldownOptions: {
      // The parsing worker is a second entry of the same build (not a `?worker` bundle of its
      // own), so the code both threads run (core, history, immer, date-fns) ships once.
      input: { index: here("index.html"), [WORKER_ENTRY]: here("src/worker/parse.worker.ts"), [HASH_WORKER_ENTRY]: here("src/worker/hash.worker.ts") },
      output: {
        entryFileNames: (chunk) => (WORKERS.includes(chunk.name) ? `assets/${chunk.name}.js` : "assets/[name]-[hash].js"),
        chunkFileNames: "assets/shared-[hash].js",
      },
    },
  },
  preview: { host: "127.0.0.1", port: 5173, strictPort: true },
  server: { host: "127.0.0.1", port: 5173 },
}));
