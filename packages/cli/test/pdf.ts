import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { createCanvas } from "@napi-rs/canvas";
// The legacy build carries the polyfills Node 20 needs (the modern one expects Node 22's APIs).
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";

// The fonts pdfkit names but does not embed (Helvetica): pdf.js draws them from its own folder.
const standardFontDataUrl = `${pathToFileURL(join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")).href}/`;

/** Opens a PDF with pdf.js (npm pdfjs-dist): the tests read PDFs back with nothing but Node. */
export async function openPdf(path: string): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(readFileSync(path)), standardFontDataUrl, verbosity: 0 }).promise;
}

/** Every page's size in points (A4 landscape is 841.89 x 595.28). */
export async function pdfPageSizes(path: string): Promise<{ width: number; height: number }[]> {
  const pdf = await openPdf(path);
  const sizes = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const { width, height } = (await pdf.getPage(n)).getViewport({ scale: 1 });
    sizes.push({ width: Number(width.toFixed(2)), height: Number(height.toFixed(2)) });
  }
  return sizes;
}

/**
 * The text of the whole PDF in drawing order, every run of white space one space: a cell's words
 * stay together and the wrapping of long names is undone (as `pdftotext -raw` and joining lines did).
 */
export async function pdfText(path: string): Promise<string> {
  const pdf = await openPdf(path);
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => (item as TextItem).str ?? "").join(" "));
  }
  return pages.join(" ").replace(/\s+/g, " ");
}

/** Renders one page (1-based) to a PNG at `dpi` dots per inch, with pdf.js on @napi-rs/canvas. */
export async function pdfPagePng(path: string, page: number, dpi: number): Promise<Buffer> {
  const drawn = await (await openPdf(path)).getPage(page);
  const viewport = drawn.getViewport({ scale: dpi / 72 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  // pdf.js types its canvas as the DOM one; on Node it draws on @napi-rs/canvas (its own choice there).
  await drawn.render({ canvas: canvas as unknown as Parameters<typeof drawn.render>[0]["canvas"], viewport }).promise;
  return canvas.toBuffer("image/png");
}
