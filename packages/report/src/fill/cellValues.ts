import type { Message } from "@rapk/core";
import { spreadsheetTextRead as readText } from "@rapk/core";
import type { GridValue } from "./grid.js";

/** A cell read as what its column holds, or why it cannot be. */
export type Read<T> = { ok: true; value: T } | { ok: false; why: Message };

const bad = (id: string, en: string): { ok: false; why: Message } => ({ ok: false, why: { id, en } });
const shown = (value: GridValue) => (value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === "object" && value !== null ? value.unreadable : String(value));

/** Text; blank (or only spaces) is null. */
export function textCell(value: GridValue): Read<string | null> {
  if (value === null) return { ok: true, value: null };
  if (typeof value === "number") return { ok: true, value: String(value) };
  if (typeof value !== "string") return bad(`isinya (${shown(value)}) bukan teks.`, `holds ${shown(value)}, not text.`);
  const text = readText(value).trim();
  return { ok: true, value: text === "" ? null : text };
}

/**
 * A measure (a realisation, a numerator, a target): a number, or text a person typed as one
 * with a decimal comma or point (`95,83`, `95.83`); blank is null. Thousand marks are not read
 * in text, since `1.080` could be either: a number cell holds no such doubt.
 */
export function measureCell(value: GridValue): Read<number | null> {
  if (value === null) return { ok: true, value: null };
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? { ok: true, value } : bad(`${value} bukan angka yang sah (tidak boleh negatif).`, `${value} is not a valid figure (it must not be negative).`);
  if (typeof value === "string") {
    const text = readText(value).trim();
    if (text === "") return { ok: true, value: null };
    if (/^\d+(?:[.,]\d+)?$/.test(text)) return { ok: true, value: Number(text.replace(",", ".")) };
  }
  return bad(`"${shown(value)}" bukan angka; tulis angka saja, misalnya 95,83.`, `"${shown(value)}" is not a number; write just the figure, like 95.83.`);
}

/** Whole Rupiah: a whole number, or text like `Rp13.831.000` or `13831000`; blank is null. */
export function rupiahCell(value: GridValue): Read<number | null> {
  if (value === null) return { ok: true, value: null };
  if (typeof value === "number")
    return Number.isSafeInteger(value) && value >= 0 ? { ok: true, value } : bad(`${value} bukan Rupiah bulat yang tidak negatif.`, `${value} is not whole Rupiah (a whole number, not negative).`);
  if (typeof value === "string") {
    const text = readText(value).trim().replace(/^Rp\s?/i, "");
    if (text === "") return { ok: true, value: null };
    if (/^\d{1,3}(?:\.\d{3})+$/.test(text) || /^\d+$/.test(text)) {
      const amount = Number(text.replaceAll(".", ""));
      if (Number.isSafeInteger(amount)) return { ok: true, value: amount };
    }
  }
  return bad(`"${shown(value)}" bukan Rupiah bulat; tulis angkanya saja, misalnya 13831000.`, `"${shown(value)}" is not whole Rupiah; write just the amount, like 13831000.`);
}

const two = (n: number) => String(n).padStart(2, "0");

/** A date (`2024-04-15`): a date cell, or text in that form; blank is null. */
export function dateCell(value: GridValue): Read<string | null> {
  if (value instanceof Date) return { ok: true, value: `${value.getUTCFullYear()}-${two(value.getUTCMonth() + 1)}-${two(value.getUTCDate())}` };
  return textCell(value);
}

/**
 * A moment (when a revision takes effect): a date-time cell, read as the wall-clock time it
 * shows in `offset` (Excel keeps no zone), or ISO text with its offset; blank is null.
 */
export function instantCell(value: GridValue, offset: string): Read<string | null> {
  if (value instanceof Date)
    return { ok: true, value: `${value.getUTCFullYear()}-${two(value.getUTCMonth() + 1)}-${two(value.getUTCDate())}T${two(value.getUTCHours())}:${two(value.getUTCMinutes())}:${two(value.getUTCSeconds())}${offset}` };
  return textCell(value);
}
