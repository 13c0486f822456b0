// `pnpm lint:packages`: publint and arethetypeswrong on the tarball of every published package.
// Any message at all (error, warning or suggestion) fails, so the packages stay clean.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { pack, publishedPackages, root } from "./packages.mjs";

// attw exports no subpath; its binary is found through its manifest's `bin`.
const attwDir = join(root, "node_modules", "@arethetypeswrong", "cli");
const attw = join(attwDir, JSON.parse(readFileSync(join(attwDir, "package.json"), "utf8")).bin.attw);
const destination = mkdtempSync(join(tmpdir(), "rapk-lint-"));
let problems = 0;
try {
  for (const { name, dir, manifest } of publishedPackages()) {
    const tarball = pack(dir, destination);
    const file = readFileSync(tarball);
    const { messages } = await publint({ pack: { tarball: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) }, strict: true });
    for (const message of messages) {
      problems += 1;
      console.error(`${name}: publint ${message.type}: ${formatMessage(message, manifest) ?? message.code}`);
    }
    // A package without a CommonJS entry (the CLI) is checked as ESM-only; node10 resolution
    // (TypeScript's legacy `moduleResolution: node`) cannot see subpath exports and is not supported.
    const profile = manifest.exports?.["."]?.require ? "node16" : "esm-only";
    try {
      execFileSync(process.execPath, [attw, tarball, "--profile", profile, "--format", "ascii"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      console.log(`${name}: publint and attw (${profile}) clean`);
    } catch (error) {
      problems += 1;
      console.error(`${name}: attw (${profile}) found problems:\n${error.stdout}${error.stderr}`);
    }
  }
} finally {
  rmSync(destination, { recursive: true, force: true });
}
if (problems > 0) {
  console.error(`${problems} packaging problem(s)`);
  process.exit(1);
}
