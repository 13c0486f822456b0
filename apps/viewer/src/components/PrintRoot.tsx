import { PRINT_CSS, type PrintLayout, printHtml } from "@rapk/report";
import { useMemo } from "preact/hooks";
import { useUnverifiedMark } from "./Unverified.js";

/**
 * The plan in the published document's layout, shown only when printing (the print button or
 * the browser's own Print): the same HTML `rapk print --out plan.html` writes. Rendered only while
 * printing (App), since a large plan's layout is slow to make and to parse. Every name in it
 * is escaped by printHtml, so the markup holds no text from the file as markup.
 *
 * A log that does not verify prints with its mark at the top and the foot of every page (fixed
 * boxes repeat on each printed page) and before the document: no page of it reads as a record.
 */
export function PrintRoot({ layoutOf }: { layoutOf: () => PrintLayout }) {
  const html = useMemo(() => printHtml(layoutOf()), [layoutOf]);
  const mark = useUnverifiedMark();
  return (
    <div class={mark === undefined ? "print-root" : "print-root unverified"} aria-hidden="true">
      <style>{PRINT_CSS}</style>
      {mark !== undefined && (
        <>
          <p class="print-stamp print-stamp-top">{mark}</p>
          <p class="print-stamp print-stamp-bottom">{mark}</p>
          <p class="print-stamp-first">{mark}</p>
        </>
      )}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
