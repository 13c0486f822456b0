import { execFileSync } from "node:child_process";

/**
 * Runs one of poppler's tools (Debian's poppler-utils: pdftotext, pdftoppm, pdfinfo). A missing
 * tool fails the test naming it; it never skips.
 */
export function poppler(tool: "pdftotext" | "pdftoppm" | "pdfinfo", ...args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`${tool} is missing: install Debian's poppler-utils (apt-get install -y poppler-utils); .ci/run does it when missing`);
    throw error;
  }
}
