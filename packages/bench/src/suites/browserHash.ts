/// <reference lib="dom" />
// (The worker's source below runs in the browser.)
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Browser } from "playwright-core";
import { serveStatic } from "../../../../apps/viewer/test/e2e/staticServer.js";

/** Per line, microseconds: @noble/hashes (synchronous) and crypto.subtle.digest with so many lines hashed concurrently. */
export interface BrowserHashing {
  readonly nobleUs: number;
  readonly subtleUs: Readonly<Record<number, number>>;
  readonly lines: number;
  readonly meanChars: number;
}

const BATCHES = [1, 16, 256, 4096] as const;

// A module worker: the same @noble/hashes files the viewer bundles (history's dependency), and
// crypto.subtle.digest awaited one line at a time or a batch of lines at once.
const WORKER = `import { sha256 } from "./noble/sha2.js";
import { bytesToHex, utf8ToBytes } from "./noble/utils.js";
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const hex = (buffer) => { let out = ""; for (const byte of new Uint8Array(buffer)) out += HEX[byte]; return out; };
const encoder = new TextEncoder();
const noble = (lines) => { for (const line of lines) bytesToHex(sha256(utf8ToBytes(line))); };
const subtle = async (lines, batch) => {
  for (let i = 0; i < lines.length; i += batch)
    await Promise.all(lines.slice(i, i + batch).map(async (line) => hex(await crypto.subtle.digest("SHA-256", encoder.encode(line)))));
};
const perLine = async (lines, run) => { const start = performance.now(); await run(); return ((performance.now() - start) * 1000) / lines.length; };
onmessage = async ({ data: { lines, batches } }) => {
  const warm = lines.slice(0, 2000);
  noble(warm);
  await subtle(warm, 256);
  const out = { nobleUs: await perLine(lines, () => noble(lines)), subtleUs: {} };
  for (const batch of batches) out.subtleUs[batch] = await perLine(lines, () => subtle(lines, batch));
  postMessage(out);
};`;

/**
 * Hashing log lines in a Chromium Web Worker (where the viewer hashes): @noble/hashes against
 * `crypto.subtle.digest`, which is asynchronous, awaited one line at a time and in batches.
 */
export async function browserHashing(browser: Browser, folder: string, lines: readonly string[]): Promise<BrowserHashing> {
  const require = createRequire(join(dirname(new URL(import.meta.url).pathname), "../../history/package.json"));
  const noble = dirname(require.resolve("@noble/hashes/sha2.js"));
  const site = join(folder, "hash-site");
  mkdirSync(join(site, "noble"), { recursive: true });
  for (const file of readdirSync(noble)) if (file.endsWith(".js")) copyFileSync(join(noble, file), join(site, "noble", file));
  writeFileSync(join(site, "worker.js"), WORKER);
  writeFileSync(join(site, "index.html"), "<!doctype html><title>hashing</title>");
  const { server, url } = await serveStatic(site);
  const page = await browser.newPage();
  try {
    await page.goto(url);
    const measured = await page.evaluate(
      ({ lines, batches }) =>
        new Promise<Omit<BrowserHashing, "lines" | "meanChars">>((done, fail) => {
          const worker = new Worker("worker.js", { type: "module" });
          worker.onmessage = (event) => done(event.data);
          worker.onerror = (event) => fail(new Error(event.message));
          worker.postMessage({ lines, batches });
        }),
      { lines: [...lines], batches: [...BATCHES] },
    );
    return { ...measured, lines: lines.length, meanChars: lines.reduce((n, line) => n + line.length, 0) / lines.length };
  } finally {
    await page.close();
    await new Promise((done) => server.close(done));
  }
}
