import type { Message } from "../metadata.js";

/** Where something is in a source file: its 1-based line, and its page where the text marks pages (form feeds). */
export interface SourcePlace {
  readonly line?: number;
  readonly page?: number;
}

/**
 * The place as a sentence opening in both languages: `Line 39 (page 3): ` / `Baris 39 (halaman 3): `,
 * or nothing when the line is not known.
 */
export function placePrefix({ line, page }: SourcePlace): Message {
  if (line === undefined) return { id: "", en: "" };
  const onPage = (word: string) => (page === undefined ? "" : ` (${word} ${page})`);
  return { id: `Baris ${line}${onPage("halaman")}: `, en: `Line ${line}${onPage("page")}: ` };
}

/** A message in both languages, each opened by the place. */
export function placed(place: SourcePlace, message: Message): Message {
  const prefix = placePrefix(place);
  return { id: `${prefix.id}${message.id}`, en: `${prefix.en}${message.en}` };
}
