import { type Finding, type FindingCode, type FindingDetails, findingOf } from "@rapk/core";

/**
 * A finding as the importer notices it, before the page is known: its code, the 1-based line of
 * the source, the indicator or budget line it is about, and the facts its message is made of.
 */
export interface Noticed<C extends FindingCode = FindingCode> {
  readonly code: C;
  readonly line: number;
  readonly subject?: string;
  readonly details: FindingDetails[C];
}

/** Notes a finding at a line of the source. */
export function notice<C extends FindingCode>(code: C, line: number, details: FindingDetails[C], subject?: string): Noticed {
  return (subject === undefined ? { code, line, details } : { code, line, subject, details }) as Noticed;
}

/**
 * The page of each line where the text marks pages with form feeds (pdftotext ends every page
 * with one): a line is on page 1 + the form feeds before its first other character. Undefined
 * when the text marks no pages: the table's repeated headers are not page numbers, since pages
 * may be missing.
 */
export function pagesOf(text: unknown): ((line: number) => number) | undefined {
  if (typeof text !== "string" || !text.includes("\f")) return undefined;
  const pages: number[] = [];
  let feeds = 0;
  for (const line of text.split("\n")) {
    const lead = /^[^\S\n]*/.exec(line)?.[0] ?? "";
    pages.push(1 + feeds + (lead.match(/\f/g)?.length ?? 0));
    feeds += line.match(/\f/g)?.length ?? 0;
  }
  return (line) => pages[line - 1] ?? 1 + feeds;
}

/** The findings in source order (those on one line in the order noticed), each with its page and its message in both languages. */
export function toFindings(noticed: readonly Noticed[], text: unknown): Finding[] {
  const pageOf = pagesOf(text);
  return noticed
    .map((n, index) => [n, index] as const)
    .sort(([a, i], [b, j]) => a.line - b.line || i - j)
    .map(([n]) => {
      const page = pageOf?.(n.line);
      const place = { line: n.line, ...(page === undefined ? {} : { page }), ...(n.subject === undefined ? {} : { subject: n.subject }) };
      return findingOf(n.code, place, n.details as never);
    });
}
