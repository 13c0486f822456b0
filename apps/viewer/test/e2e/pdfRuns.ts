// The legacy build carries the polyfills Node 20 needs (the modern one expects Node 22's APIs).
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";

/** A run of text as pdf.js reads it from a page: where it starts and ends, in points from the page's left and bottom. */
export interface PdfRun {
  readonly page: number;
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
}

/** Every page's size and every run of text on it, read from a PDF's bytes by pdf.js (npm pdfjs-dist). */
export async function pdfRuns(bytes: Uint8Array): Promise<{ pages: { width: number; height: number }[]; runs: PdfRun[] }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages = [];
  const runs: PdfRun[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    pages.push({ width, height });
    for (const item of (await page.getTextContent()).items as TextItem[]) {
      if (!item.str?.trim()) continue;
      const [, , , , x, y] = item.transform as number[];
      runs.push({ page: n, text: item.str, left: x!, right: x! + item.width, bottom: y! });
    }
  }
  return { pages, runs };
}
