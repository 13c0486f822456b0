import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * Which Chromium the end-to-end tests drive: RAPK_CHROMIUM when set, Debian's when installed,
 * else the one that `@sparticuz/chromium` ships inside its npm package (no browser download is
 * possible here, and a machine with only Node and npm must still run these tests).
 */
export async function chromiumExecutable(): Promise<{ path: string; from: string }> {
  if (process.env.RAPK_CHROMIUM) return { path: process.env.RAPK_CHROMIUM, from: "RAPK_CHROMIUM" };
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, from: "Debian's chromium package" };
  const { default: packaged } = await import("@sparticuz/chromium");
  return { path: await packaged.executablePath(), from: "the npm package @sparticuz/chromium" };
}

/**
 * Headless Chromium with everything that would reach the network switched off. The packaged
 * build is launched with these plain flags, not the package's own serverless `args`, with which
 * it crashes on this kind of machine. A browser that cannot start fails the suite, naming why:
 * the tests never pass by not running.
 */
export async function launchChromium(): Promise<Browser> {
  const { path, from } = await chromiumExecutable();
  try {
    return await chromium.launch({
      executablePath: path,
      headless: true,
      // Playwright gives every launch a fresh temporary --user-data-dir of its own.
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  } catch (error) {
    throw new Error(`no browser for the end-to-end tests: Chromium at ${path} (from ${from}) did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
