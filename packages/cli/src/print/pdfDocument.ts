import PDFDocument from "pdfkit";

/** A pdfkit document for A4 landscape pages, collected into bytes when `finish` is called. */
export function pdfDocument(info: { title: string; subject: string }): { doc: PDFKit.PDFDocument; finish: () => Promise<Uint8Array> } {
  // A fixed creation date keeps the bytes of one plan's PDF the same from run to run.
  const doc = new PDFDocument({ size: "A4", layout: "landscape", margin: 28, bufferPages: true, info: { Title: info.title, Subject: info.subject, Creator: "rapk", CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  return {
    doc,
    finish: () => {
      doc.end();
      return done;
    },
  };
}

export interface Column {
  readonly width: number;
  readonly align?: "left" | "right" | "center";
}

export interface TableStyle {
  readonly fontSize: number;
  readonly padding: number;
}

/** The height a row of cells takes, each cell wrapped in its column. */
export function rowHeight(doc: PDFKit.PDFDocument, columns: readonly Column[], cells: readonly string[], style: TableStyle, bold = false): number {
  doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(style.fontSize);
  let height = 0;
  cells.forEach((cell, i) => {
    const width = (columns[i]?.width ?? 0) - 2 * style.padding;
    height = Math.max(height, cell === "" ? 0 : doc.heightOfString(cell, { width }));
  });
  return Math.max(height, doc.currentLineHeight()) + 2 * style.padding;
}

/** Draws one row of bordered cells at (x, y), `height` high; optional grey fill for headers. */
export function drawRow(doc: PDFKit.PDFDocument, x: number, y: number, columns: readonly Column[], cells: readonly string[], height: number, style: TableStyle, options: { bold?: boolean; fill?: string } = {}): void {
  let left = x;
  columns.forEach((column, i) => {
    if (options.fill) doc.rect(left, y, column.width, height).fillColor(options.fill).fill();
    doc.rect(left, y, column.width, height).lineWidth(0.5).strokeColor("#000").stroke();
    const text = cells[i] ?? "";
    if (text !== "")
      doc
        .fillColor("#000")
        .font(options.bold ? "Helvetica-Bold" : "Helvetica")
        .fontSize(style.fontSize)
        .text(text, left + style.padding, y + style.padding, { width: column.width - 2 * style.padding, align: column.align ?? "left", lineBreak: true });
    left += column.width;
  });
}

/** Writes `text` and the page number at the foot of every page (the document must buffer its pages). */
export function stampFooters(doc: PDFKit.PDFDocument, text: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would open a new page: lift the margin for the footer.
    const margin = doc.page.margins.bottom;
    const left = doc.page.margins.left;
    doc.page.margins.bottom = 0;
    doc.font("Helvetica").fontSize(5.5).fillColor("#333");
    doc.text(`${text} · halaman ${i - range.start + 1} dari ${range.count}`, left, doc.page.height - margin + 4, { width: doc.page.width - 2 * left, lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}
