import { PRINT_CSS, type PrintLayout, printHtml } from "@rapk/report";
import { useMemo } from "preact/hooks";
import { cssString } from "../print/cssString.js";
import { useUnverifiedMark } from "./Unverified.js";

/**
 * The plan in the published document's layout, shown only when printing (the print button or
 * the browser's own Print): the same HTML `rapk print --out plan.html` writes. Rendered only while
 * printing (App), since a large plan's layout is slow to make and to parse. Every name in it
 * is escaped by printHtml, so the markup holds no text from the file as markup.
 *
 * A log that does not verify prints with its mark before the document, in the top margin of every
 * page (a page margin box) and in the footer of every page (printLayout's provenance, set by the
 * app), where no head is printed.
 *
 * `html` prints another document than the plan in its place (the quarterly report's layout,
 * src/print/quarterHtml.ts, whose names are escaped as printHtml escapes them), with the same marks.
 */
export function PrintRoot({ layoutOf, html: document }: { layoutOf: () => PrintLayout; html?: string | undefined }) {
  const html = useMemo(() => document ?? printHtml(layoutOf()), [layoutOf, document]);
  const mark = useUnverifiedMark();
  return (
    <div class="print-root" aria-hidden="true">
      <style>{PRINT_CSS}</style>
      {mark !== undefined && (
        <>
          <style>{`@page { @top-center { content: ${cssString(mark)}; color: #c00000; font: bold 8pt sans-serif; } }`}</style>
          <p class="print-stamp-first">{mark}</p>
        </>
      )}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
