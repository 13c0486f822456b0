import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser.js";

// The screenshots the README shows are refreshed on request (RAPK_SCREENSHOTS=1), so that a test
// run leaves the working tree as it found it; otherwise they go to a temporary folder.
export const SCREENSHOTS = process.env.RAPK_SCREENSHOTS === "1" ? fileURLToPath(new URL("../../screenshots/", import.meta.url)) : join(tmpdir(), "rapk-viewer-screenshots");

/** One browser and one scratch folder for a test file, made before its tests and removed after. */
export function browserSession(prefix: string): { readonly browser: Browser; readonly scratch: string } {
  const session = { browser: undefined as unknown as Browser, scratch: "" };
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    session.scratch = mkdtempSync(join(tmpdir(), prefix));
    session.browser = await launchChromium();
  });
  afterAll(async () => {
    await session.browser?.close();
    rmSync(session.scratch, { recursive: true, force: true });
  });
  return session;
}
