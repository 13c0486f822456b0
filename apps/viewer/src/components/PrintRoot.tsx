import { PRINT_CSS, type PrintLayout, printHtml } from "@rapk/report";
import { useMemo } from "preact/hooks";

/**
 * The plan in the published document's layout, shown only when printing (the print button or
 * the browser's own Print): the same HTML `rapk print --out plan.html` writes. Rendered only while
 * printing (App), since a large plan's layout is slow to make and to parse. Every name in it
 * is escaped by printHtml, so the markup holds no text from the file as markup.
 */
export function PrintRoot({ layoutOf }: { layoutOf: () => PrintLayout }) {
  const html = useMemo(() => printHtml(layoutOf()), [layoutOf]);
  return (
    <div class="print-root" aria-hidden="true">
      <style>{PRINT_CSS}</style>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
