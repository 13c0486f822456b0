import type { Language } from "@rapk/core";
import { CliError } from "./cliError.js";

/** The environment variables that name a locale, strongest first (POSIX: LC_ALL overrides LC_MESSAGES overrides LANG). */
const LOCALE_VARIABLES = ["LC_ALL", "LC_MESSAGES", "LANG"] as const;

/**
 * The language rapk speaks to people: `--lang id|en` when given, else Indonesian when the locale
 * (LC_ALL, LC_MESSAGES or LANG, the first one set) starts with `id` (`id_ID.UTF-8`), else English.
 */
export function languageOf(option: string | undefined, env: Readonly<Record<string, string | undefined>> = {}): Language {
  if (option !== undefined) {
    if (option === "id" || option === "en") return option;
    throw new CliError(`--lang ${option}: expected id (Bahasa Indonesia) or en (English)`);
  }
  const locale = LOCALE_VARIABLES.map((name) => env[name]).find((value) => value !== undefined && value !== "");
  return locale?.toLowerCase().startsWith("id") ? "id" : "en";
}
