import preact from "@preact/preset-vite";
import { fileURLToPath } from "node:url";
import { type Plugin, build } from "vite";
import { viewerAliases } from "./viewer.aliases.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The workbench (workbench.html, src/workbench/) is a page of its own, built after the viewer by
 * a build of its own into the same dist/, its scripts in dist/workbench-assets/: the viewer's
 * chunks stay exactly what the viewer alone makes them, so its first load (budgeted in
 * test/e2e/viewer.test.ts) carries nothing of the workbench, however the two share modules.
 * In development Vite serves workbench.html as it is.
 */
export function workbenchPage(contentSecurityPolicy: Plugin): Plugin {
  return {
    name: "rapk-workbench-page",
    apply: "build",
    async closeBundle() {
      await build({
        configFile: false,
        root: here("."),
        base: "./",
        logLevel: "warn",
        plugins: [preact(), contentSecurityPolicy],
        resolve: { alias: viewerAliases },
        build: {
          outDir: "dist",
          emptyOutDir: false,
          assetsDir: "workbench-assets",
          target: "es2022",
          sourcemap: false,
          rolldownOptions: { input: { workbench: here("workbench.html") } },
        },
      });
    },
  };
}
