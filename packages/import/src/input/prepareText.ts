import { failAt } from "../failure.js";
import { MAX_INPUT_CHARS } from "./limits.js";
import { lineAt } from "./lineAt.js";

function megabytes(chars: number): string {
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Refuses what is not the text of a plan before anything else reads it: an empty file, one too
 * large, a binary file (a PDF, a spreadsheet: NUL bytes) or text that was not valid UTF-8
 * (decoders put U+FFFD where bytes were invalid; reading on would put it into names).
 * Returns the text without a byte-order mark.
 */
export function prepareText(input: unknown): string {
  if (typeof input !== "string") failAt("NOT_TEXT", undefined, `expected the text of a plan, got ${input === null ? "null" : typeof input}`);
  // Size first: everything after it walks the whole text.
  if (input.length > MAX_INPUT_CHARS)
    failAt("INPUT_TOO_LARGE", undefined, `the file is ${megabytes(input.length)}; the importer reads up to ${megabytes(MAX_INPUT_CHARS)} (a published RAPK is about 25 kB)`);
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  if (!/\S/.test(text)) failAt("EMPTY_INPUT", undefined, "the file is empty: there is no plan to import");
  if (text.startsWith("%PDF-")) failAt("BINARY_INPUT", 1, "this is a PDF file; import the text extracted from it (tab-separated cells), or the CSV template");
  const nul = text.indexOf("\u0000");
  if (nul !== -1) failAt("BINARY_INPUT", lineAt(text, nul), "contains NUL bytes: this is a binary file (a PDF or spreadsheet?), not the text of a plan");
  const replacement = text.indexOf("\uFFFD");
  if (replacement !== -1)
    failAt("INVALID_UTF8", lineAt(text, replacement), "contains U+FFFD replacement characters: the file was not valid UTF-8, and reading on would put them into names; save it as UTF-8 and import again");
  return text;
}
