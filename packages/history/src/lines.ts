/**
 * The lines of an NDJSON text, one at a time, without an object per line: `next()` moves to the
 * next line and gives its text (undefined after the last), `number` is its 1-based number. A final
 * newline ends the last line (it does not start an empty one); CRLF line breaks and a leading
 * byte-order mark are tolerated, since editors on Windows write them and neither is part of any
 * event. A reader of a million lines makes nothing per line but the line's string.
 */
export class LineCursor {
  private at: number;
  /** The current line's 1-based number (0 before the first, the count of lines after the last). */
  number = 0;
  /**
   * Whether the current line came with bytes that are not its own: a CR before its line break, or
   * (the first line) a byte-order mark. Tolerated in v1 and v2 lines; a v3 line, whose hash covers
   * its bytes as written, is refused with them.
   */
  foreign = false;
  private readonly bom: boolean;

  constructor(private readonly text: string) {
    this.bom = text.startsWith("\uFEFF");
    this.at = this.bom ? 1 : 0;
  }

  next(): string | undefined {
    const text = this.text;
    if (this.at >= text.length) return undefined;
    const end = text.indexOf("\n", this.at);
    const stop = end < 0 ? text.length : end;
    const cr = stop > this.at && text.charCodeAt(stop - 1) === 13;
    const line = text.slice(this.at, cr ? stop - 1 : stop);
    this.at = stop + 1;
    this.number += 1;
    this.foreign = cr || (this.number === 1 && this.bom);
    return line;
  }

  /** Whether the current line is the text's last and has no line break after it (what a write cut short leaves). */
  get unterminated(): boolean {
    return this.at > this.text.length;
  }
}
