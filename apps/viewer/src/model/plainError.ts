import { explainError } from "@rapk/core";

/**
 * The plain-language explanation of an error code, in a module the page loads only when a file
 * fails to open: the messages of every code are a quarter of the page's own code, and most
 * visits open a file that opens (the first load has a budget of 100 kB gzipped).
 */
export const plainError = explainError;
