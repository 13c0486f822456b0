import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempFolder } from "./helpers.js";

/**
 * The command lines the docs promise, run verbatim, in order, on the built workspace, as a
 * reader would type them: the README's command-line walkthrough, and every block of docs/cli.md
 * fenced as ```sh runnable. A line meant to fail says so with a trailing `# exits N`; any other
 * non-zero exit fails the test.
 */

interface Step {
  readonly command: string;
  readonly expectedExit: number;
}

/** The lines of the first ```sh block after `heading` in a Markdown file. */
function blockAfterHeading(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no heading "${heading}"`);
  const fence = markdown.indexOf("\n```sh\n", start);
  const end = markdown.indexOf("\n```\n", fence + 1);
  return markdown.slice(fence + 7, end).split("\n");
}

/** The lines of every ```sh runnable block, one list per block. */
function runnableBlocks(markdown: string): string[][] {
  return [...markdown.matchAll(/\n```sh runnable\n([\s\S]*?)\n```\n/g)].map((match) => match[1]!.split("\n"));
}

function stepsOf(lines: readonly string[]): Step[] {
  return lines
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("#"))
    .map((line) => {
      const announced = /#\s*exits\s+(\d+)\s*$/.exec(line);
      return { command: line, expectedExit: announced ? Number(announced[1]) : 0 };
    });
}

/**
 * A scratch folder that looks like the repository root to the commands (packages/ and docs/
 * linked, the root package.json copied), with `pnpm` on the PATH running the root package.json's
 * scripts the way pnpm does, so the README's `pnpm rapk ...` runs the built CLI without a network,
 * and `rapk` on the PATH as an installed binary would be, for docs/cli.md.
 */
function scratchRoot(): { cwd: string; env: NodeJS.ProcessEnv } {
  const cwd = tempFolder();
  for (const name of ["packages", "docs", "apps"]) symlinkSync(join(ROOT, name), join(cwd, name));
  copyFileSync(join(ROOT, "package.json"), join(cwd, "package.json"));
  const bin = join(cwd, ".bin");
  const shim = join(bin, "pnpm");
  mkdirSync(bin);
  writeFileSync(
    shim,
    [
      "#!/usr/bin/env bash",
      "# Runs a root package.json script with the given arguments appended, as `pnpm <script>` does.",
      'script=$(node -e \'const s=require("./package.json").scripts[process.argv[1]]; if(!s){console.error("pnpm: no script "+process.argv[1]); process.exit(1)} process.stdout.write(s)\' "$1") || exit 1',
      "shift",
      'exec bash -c "$script \\"\\$@\\"" pnpm "$@"',
      "",
    ].join("\n"),
  );
  chmodSync(shim, 0o755);
  // docs/cli.md writes the installed binary's name; in the workspace it is the built CLI.
  writeFileSync(join(bin, "rapk"), `#!/usr/bin/env bash\nexec node ${JSON.stringify(join(ROOT, "packages/cli/dist/rapk.js"))} "$@"\n`);
  chmodSync(join(bin, "rapk"), 0o755);
  return { cwd, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, LANG: "C.UTF-8" } };
}

function runAll(steps: readonly Step[]): void {
  const { cwd, env } = scratchRoot();
  for (const step of steps) {
    const run = spawnSync("bash", ["-c", step.command], { cwd, env, encoding: "utf8", timeout: 120_000 });
    expect({ command: step.command, exit: run.status, stderr: run.stderr.trim() }).toEqual({
      command: step.command,
      exit: step.expectedExit,
      stderr: expect.any(String),
    });
  }
}

const README = readFileSync(join(ROOT, "README.md"), "utf8");
const CLI_DOC = readFileSync(join(ROOT, "docs/cli.md"), "utf8");
const WORKFLOW_DOC = readFileSync(join(ROOT, "docs/workflow.md"), "utf8");

describe("the docs' command lines, run verbatim", () => {
  it("the README's command-line walkthrough exits as announced at every line", () => {
    const steps = stepsOf(blockAfterHeading(README, "## The command line"));
    expect(steps.length).toBeGreaterThanOrEqual(5);
    runAll(steps);
  }, 300_000);

  it.each(runnableBlocks(CLI_DOC).map((lines, i) => [i + 1, lines] as const))("docs/cli.md runnable block %i exits as announced", (_, lines) => {
    runAll(stepsOf(lines));
  }, 300_000);

  it.each(runnableBlocks(WORKFLOW_DOC).map((lines, i) => [i + 1, lines] as const))("docs/workflow.md runnable block %i exits as announced (the year of proposals and approvals, signing afterwards)", (_, lines) => {
    // Each block is a walkthrough, not a line or two.
    expect(stepsOf(lines).length).toBeGreaterThan(5);
    runAll(stepsOf(lines));
  }, 300_000);

  it("reads a `# exits N` announcement and nothing else as an expected failure", () => {
    expect(stepsOf(["rapk verify x.ndjson   # exits 1", "rapk show x   # the plan", "# a comment", ""])).toEqual([
      { command: "rapk verify x.ndjson   # exits 1", expectedExit: 1 },
      { command: "rapk show x   # the plan", expectedExit: 0 },
    ]);
  });
});
