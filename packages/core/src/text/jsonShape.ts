// JSON text is judged before JSON.parse reads it: 100,000 nested brackets would be parsed (and
// every reader that walks the value after would run out of stack), and 9007199254740993 would be
// silently read as ...992. Browser-safe: the viewer reads logs through the same reader.

/** How deep JSON that rapk reads may nest (a revision nests 4 deep; a signed one 5; a log line fewer). */
export const MAX_JSON_DEPTH = 32;

/** What makes JSON text unreadable before it is parsed: nesting past {@link MAX_JSON_DEPTH}, or a number that JSON.parse would round. */
export interface JsonShapeProblem {
  readonly code: "INPUT_TOO_DEEP" | "NUMBER_NOT_SAFE";
  /** 1-based line of the text where it is. */
  readonly line: number;
  readonly why: string;
}

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * One pass over JSON text, outside its strings: the nesting depth, and every number. A whole number
 * past Number.MAX_SAFE_INTEGER (9007199254740991) is refused, since JSON.parse would silently round
 * it (9007199254740993 becomes ...992); so is any number past it in size. Run before JSON.parse,
 * so 100,000 nested brackets are refused at the 33rd, not parsed.
 */
export function jsonShapeProblem(text: string): JsonShapeProblem | undefined {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      // A string: skip to its closing quote.
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) {
        if (text.charCodeAt(i) === 92) i++;
        else if (text.charCodeAt(i) === 10) line++;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_JSON_DEPTH) return { code: "INPUT_TOO_DEEP", line, why: `nests deeper than ${MAX_JSON_DEPTH} levels of [ and {` };
    } else if (c === 93 || c === 125) depth--;
    else if (c === 45 || (c >= 48 && c <= 57)) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (!match) continue;
      const literal = match[0];
      const value = Number(literal);
      const whole = !/[.eE]/.test(literal);
      if ((whole && !Number.isSafeInteger(value)) || Math.abs(value) > Number.MAX_SAFE_INTEGER)
        return { code: "NUMBER_NOT_SAFE", line, why: `holds the number ${literal.length > 24 ? `${literal.slice(0, 24)}...` : literal}, past the largest whole number kept exactly (9007199254740991); it would be rounded, so it is refused` };
      i += literal.length - 1;
    }
  }
  return undefined;
}

/**
 * {@link jsonShapeProblem} for one line of a log, read on every line of a long log: a line with no
 * more than {@link MAX_JSON_DEPTH} brackets in all cannot nest past it, which two native scans
 * tell without the character loop. (Its numbers are held by the event schemas: every whole
 * number there must be a safe integer, so a rounded one is refused as well.)
 */
export function jsonLineTooDeep(text: string): JsonShapeProblem | undefined {
  let brackets = 0;
  for (const open of ["{", "["])
    for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + 1))
      if (++brackets > MAX_JSON_DEPTH) {
        const problem = jsonShapeProblem(text);
        return problem?.code === "INPUT_TOO_DEEP" ? problem : undefined;
      }
  return undefined;
}

/**
 * JSON.parse's message without the input it quotes (V8: `Unexpected token 'r', "root:x:0:0"... is
 * not valid JSON`), cut at 80 characters: a file named by mistake (/etc/passwd through a link) is
 * not echoed to the terminal.
 */
export function jsonSyntaxMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const plain = message.replace(/,\s*"[\s\S]*$/, "");
  return plain.length > 80 ? `${plain.slice(0, 80)}...` : plain;
}
