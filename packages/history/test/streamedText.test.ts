import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ChunkedLineCursor, type Lines, type LogText, MAX_STREAMED_LINE_CHARS, auditLog, foldLog, parseLog, serializeLog } from "../src/index.js";
import { LineCursor } from "../src/lines.js";
import { RUNS, storyArb } from "./support/arbitraries.js";
import { storyLog } from "./support/plan.js";
import { storyV2Text, storyV3Text } from "./support/v2.js";

/** The text in pieces cut at the given offsets (any offset: inside a line, a CRLF, the BOM). */
function piecesOf(text: string, cuts: readonly number[]): ChunkedLineCursor {
  const at = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const pieces = [0, ...at].map((start, i) => text.slice(start, at[i] ?? text.length));
  let next = 0;
  return new ChunkedLineCursor(() => pieces[next++]);
}

/** Every line a cursor gives, with what it says about it. */
function readAll(lines: Lines): { line: string; number: number; foreign: boolean; unterminated: boolean }[] {
  const read = [];
  for (let line = lines.next(); line !== undefined; line = lines.next()) read.push({ line, number: lines.number, foreign: lines.foreign, unterminated: lines.unterminated });
  return read;
}

const cutsArb = fc.array(fc.nat(), { maxLength: 12 });
// Texts made of what lines are cut at: line breaks, CRs, a byte-order mark, and text.
const textArb = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom("\n", "\r\n", "\r", "a", '{"x":1}', "é", "\uFEFF", ""), { maxLength: 30 }))
  .map(([bom, parts]) => (bom ? "\uFEFF" : "") + parts.join(""));

const logs = [
  ["v1", serializeLog(storyLog())],
  ["v2", storyV2Text()],
  ["v3", storyV3Text()],
] as const;

describe("a log read in pieces (a file too large to hold as one string)", () => {
  it("gives the lines a whole text gives, with the same numbers, CR and byte-order-mark flags and the same cut-short last line, wherever the pieces are cut", () => {
    fc.assert(
      fc.property(textArb, cutsArb, (text, cuts) => {
        expect(readAll(piecesOf(text, cuts))).toEqual(readAll(new LineCursor(text)));
      }),
      { numRuns: RUNS },
    );
  });

  it.each(logs)("given a %s log, when it is read in pieces, then the parse, the fold and the audit are those of its text", (_, text) => {
    const whole: LogText = text;
    fc.assert(
      fc.property(cutsArb, (cuts) => {
        expect(parseLog(piecesOf(text, cuts))).toEqual(parseLog(whole));
        expect(auditLog(piecesOf(text, cuts))).toEqual(auditLog(whole));
      }),
      { numRuns: Math.ceil(RUNS / 10) },
    );
  });

  it("finds the same first problem in pieces as whole, for any log cut short or with a line changed", () => {
    fc.assert(
      fc.property(storyArb, fc.nat(), fc.nat(), cutsArb, (story, cutAt, changeAt, cuts) => {
        const text = serializeLog(story.log);
        // Cut anywhere (a torn last line), and change one character (a tampered line).
        const cut = text.slice(0, cutAt % (text.length + 1));
        const i = changeAt % Math.max(cut.length, 1);
        const changed = cut.length === 0 ? cut : cut.slice(0, i) + (cut[i] === "1" ? "2" : "1") + cut.slice(i + 1);
        expect(auditLog(piecesOf(changed, cuts))).toEqual(auditLog(changed));
        expect(foldLog(piecesOf(changed, cuts))).toEqual(foldLog(changed));
      }),
      { numRuns: RUNS },
    );
  });

  it("given a line longer than the longest it reads, when it is read in pieces, then it is refused with that line's number, not grown until memory runs out", () => {
    const piece = "x".repeat(1024 * 1024);
    let given = 0;
    const first = `${logs[0][1].split("\n")[0]}\n`;
    const endless = new ChunkedLineCursor(() => (given++ === 0 ? first : piece));
    let refusal: unknown;
    try {
      parseLog(endless);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: "INPUT_TOO_LARGE", line: 2 });
    // It stopped soon after the limit: it did not read on.
    expect(given).toBeLessThanOrEqual(MAX_STREAMED_LINE_CHARS / piece.length + 3);
  });
});
