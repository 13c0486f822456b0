import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installConsumer } from "../consumer.mjs";
import { publishedPackages, root } from "../packages.mjs";
import { readmeExample } from "../readme.mjs";

// The published packages as a stranger gets them: `pnpm pack`ed, installed from the tarballs into
// a project outside the workspace (offline: the other dependencies come from the pnpm store),
// then imported as ESM, required as CommonJS, type-checked with `tsc --strict`, and every
// README's example run there, printing what the README says it prints.
const dir = realpathSync(mkdtempSync(join(tmpdir(), "rapk-consumer-")));
const typesNode = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).devDependencies["@types/node"] as string;

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PATH: `${join(dir, "node_modules", ".bin")}:${process.env.PATH}` } });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}
const node = (...args: string[]) => run(process.execPath, args);

beforeAll(() => {
  installConsumer(dir, { "@types/node": typesNode });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the packed packages, installed in a project of their own", () => {
  it("are every package that is not private, each with a README, engines, repository and a place in the API reference", () => {
    const typedoc = JSON.parse(readFileSync(join(root, "typedoc.json"), "utf8")) as { entryPoints: string[] };
    const published = publishedPackages() as { name: string; dir: string; manifest: Record<string, any> }[];
    expect(published.map((p) => p.name)).toEqual(expect.arrayContaining(["@rapk/cli", "@rapk/core", "@rapk/history", "@rapk/import"]));
    for (const { name, dir: packageDir, manifest } of published) {
      expect(existsSync(join(packageDir, "README.md")), `${name} has a README.md`).toBe(true);
      expect(manifest.engines?.node, `${name}'s engines.node`).toBe(">=20.19");
      expect(manifest.repository?.directory, `${name}'s repository.directory`).toBe(relative(root, packageDir));
      expect(typedoc.entryPoints, `typedoc.json lists ${name}`).toContain(relative(root, packageDir));
    }
  });

  it("import as ESM", () => {
    const out = node(
      "--input-type=module",
      "-e",
      `import { formatRupiah } from "@rapk/core";
       import { planSpec } from "@rapk/core/testing";
       import { GENESIS_HASH } from "@rapk/history";
       import { sniffFormat } from "@rapk/import";
       import { EXIT } from "@rapk/cli";
       import { formatAmount } from "@rapk/report";
       import { MemoryEventStore } from "@rapk/store";
       import { POSTGRES_BIN } from "@rapk/store-postgres";
       console.log(JSON.stringify([formatRupiah(70412160), typeof planSpec.given, GENESIS_HASH.length, sniffFormat("#unit,x"), EXIT.conflict, formatAmount(1000), new MemoryEventStore().kind, typeof POSTGRES_BIN]));`,
    );
    expect(JSON.parse(out)).toEqual(["Rp70.412.160", "function", 64, "csv", 3, "1.000", "memory", "string"]);
  });

  it("require as CommonJS", () => {
    const out = node(
      "-e",
      `const { formatRupiah } = require("@rapk/core");
       const { planSpec } = require("@rapk/core/testing");
       const { GENESIS_HASH } = require("@rapk/history");
       const { sniffFormat } = require("@rapk/import");
       console.log(JSON.stringify([formatRupiah(70412160), typeof planSpec.given, GENESIS_HASH.length, sniffFormat("#unit,x")]));`,
    );
    expect(JSON.parse(out)).toEqual(["Rp70.412.160", "function", 64, "csv"]);
  });

  it("type-check under tsc --strict, from ESM and from CommonJS, and their types catch a mistake", () => {
    const use = (load: string) => `${load}
const state: PlanState = initialState();
const decided = decide({ type: "draftPlan", data: { unit: "Loka POM", agency: "BPOM", year: 2024, ceiling: 4801300000 } }, state);
const outcome: string = decided.ok ? decided.value.map((event) => event.type).join() : decided.error.code;
const history: History = openHistory([]);
const imported = importPlan("#unit,x");
const findings: number = imported.findings.length;
// @ts-expect-error a plan state is not a number: the types are real, not any
const wrong: number = initialState();
export { outcome, history, findings, wrong, planSpec };
`;
    writeFileSync(
      join(dir, "esm.ts"),
      use(`import { decide, initialState, type PlanState } from "@rapk/core";
import { planSpec } from "@rapk/core/testing";
import { openHistory, type History } from "@rapk/history";
import { importPlan } from "@rapk/import";
import { main, type Io } from "@rapk/cli";
const io: Io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
export const exit: Promise<number> = main(["--help"], io);`),
    );
    writeFileSync(
      join(dir, "cjs.cts"),
      use(`import { decide, initialState, type PlanState } from "@rapk/core";
import { planSpec } from "@rapk/core/testing";
import { openHistory, type History } from "@rapk/history";
import { importPlan } from "@rapk/import";`),
    );
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", types: ["node"] }, files: ["esm.ts", "cjs.cts"] }),
    );
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    expect(node(tsc, "-p", "tsconfig.json")).toBe("");
    // Checking every declaration file (no skipLibCheck), @types/node's included, takes a while.
  }, 300_000);

  for (const { name, dir: packageDir } of publishedPackages() as { name: string; dir: string }[]) {
    it(`run ${name}'s README example, which prints what the README says`, () => {
      const example = readmeExample(readFileSync(join(packageDir, "README.md"), "utf8"));
      const file = join(dir, `example-${name.split("/")[1]}.${example.lang === "js" ? "mjs" : "sh"}`);
      writeFileSync(file, example.code);
      const out = example.lang === "js" ? node(file) : run("bash", ["-e", file]);
      // A head hash covers the version's recordedAt, the writer's clock: the README writes <head>.
      expect(out.replace(/\b[0-9a-f]{64}\b/g, "<head>")).toBe(example.prints);
    });
  }
});
