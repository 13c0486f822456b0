// A control character in a name or a reason is never meant: ESC, BEL or a C1 byte in a plan's name
// can clear a terminal or set its title when the plan is shown, and a newline lets one field pass
// itself off as two in every one-line listing. The gate refuses them where text comes in (commands,
// revisions, imports); text already in older logs is shown through `escapeControls`.

// C0 (U+0000-U+001F), DEL (U+007F) and C1 (U+0080-U+009F).
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// What a terminal must never receive raw: every control but the newline, the tab and the CR of a CRLF.
// eslint-disable-next-line no-control-regex
const OUTPUT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/g;

/** The fields of a command that are written as paragraphs, where a tab and a newline are text: a report's notes. */
export const MULTI_LINE_FIELDS: ReadonlySet<string> = new Set(["note", "obstacles", "followUp"]);

/** `U+001B`: how a character is named in a message. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The first control character the gate refuses in `text` (a tab and a newline pass in a multi-line field), or undefined. */
export function refusedControl(text: string, multiLine = false): { index: number; name: string } | undefined {
  const match = (multiLine ? MULTI_LINE_CONTROL : ANY_CONTROL).exec(text);
  return match ? { index: match.index, name: codePointName(match[0]) } : undefined;
}

/** Why the gate refuses text, for a field's message: `holds the control character U+001B (at character 4)`. */
export function controlRefusal(text: string, multiLine = false): string | undefined {
  const found = refusedControl(text, multiLine);
  if (!found) return undefined;
  const allowed = multiLine ? "only a tab or a newline may be" : "it must be one line of text";
  return `holds the control character ${found.name} (at character ${found.index + 1}); ${allowed}`;
}

/** Every string in a value, with its path (`["output", "name"]`). */
export function* stringsIn(value: unknown, path: readonly (string | number)[] = []): Generator<{ path: (string | number)[]; text: string }> {
  if (typeof value === "string") yield { path: [...path], text: value };
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringsIn(item, [...path, i]);
  else if (typeof value === "object" && value !== null) for (const [key, item] of Object.entries(value)) yield* stringsIn(item, [...path, key]);
}

/**
 * Text for a terminal: each control character it must not receive raw written as `\u001b`
 * (which is also how JSON writes it, so --json output stays JSON); newlines, tabs and CRLF stay.
 */
export function escapeControls(text: string): string {
  return text.replace(OUTPUT_CONTROL, (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`);
}

// eslint-disable-next-line no-control-regex
const EVERY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Text that must be one line and pass the gate, made so from text quoted out of a source (a finding's message): every control character written as `\u001b`. */
export function escapeEveryControl(text: string): string {
  return text.replace(EVERY_CONTROL, (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`);
}

/** Whether text holds a character a terminal must not receive raw (what {@link escapeControls} escapes). */
export function hasRawControl(text: string): boolean {
  OUTPUT_CONTROL.lastIndex = 0;
  const found = OUTPUT_CONTROL.test(text);
  OUTPUT_CONTROL.lastIndex = 0;
  return found;
}
