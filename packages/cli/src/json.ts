import { CliError } from "./cliError.js";
import { jsonShapeProblem, jsonSyntaxMessage } from "@rapk/core";
import { jsonKeyProblem, keyPathText } from "@rapk/history";

/** Pretty JSON with a final newline, as every `--json` output is printed. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Parses a JSON file's text; a syntax error names the line it is on (V8 reports an offset,
 * and in newer versions a line too).
 */
export function parseJsonFile(text: string, file: string): unknown {
  const shape = jsonShapeProblem(text);
  if (shape) throw new CliError(shape.why, { file, line: shape.line, code: shape.code });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineMatch = /\(line (\d+) column \d+\)/.exec(message);
    const positionMatch = /at position (\d+)/.exec(message);
    const lastLine = lineOf(text, text.trimEnd().length);
    // Node 20's V8 gives no position for "Unexpected token"; a one-line file still has its line.
    const line = lineMatch
      ? Number(lineMatch[1])
      : positionMatch
        ? lineOf(text, Number(positionMatch[1]))
        : lastLine === 1 || /Unexpected end of JSON input/.test(message)
          ? lastLine
          : undefined;
    const why = text.trim() === "" ? "is empty, expected JSON" : `is not valid JSON: ${jsonSyntaxMessage(message.replace(/\s*\(line \d+ column \d+\)/, ""))}`;
    throw new CliError(why, line === undefined ? { file, code: "FILE_UNREADABLE" } : { file, line, code: "FILE_UNREADABLE" });
  }
  // JSON.parse keeps the last of two equal keys and lets `__proto__` through: neither can be meant.
  const problem = jsonKeyProblem(text);
  if (problem) {
    const where = keyPathText(problem.path);
    throw new CliError(
      problem.why === "duplicate"
        ? `names the key ${JSON.stringify(problem.key)} twice in one object (at ${where}); say it once`
        : `uses the key ${JSON.stringify(problem.key)} (at ${where}), which is reserved (a member of every JavaScript object) and never a field rapk reads`,
      { file, line: problem.line, code: "FILE_UNREADABLE" },
    );
  }
  return value;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** `commands[0].data.amount`: a zod or domain path as a reader of the JSON file would write it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(the whole file)" : out;
}
