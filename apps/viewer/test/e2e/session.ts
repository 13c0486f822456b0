import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser.js";

export const SCREENSHOTS = fileURLToPath(new URL("../../screenshots/", import.meta.url));

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
