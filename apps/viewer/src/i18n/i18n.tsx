import type { Language } from "@rapk/core";
import { createContext, type ComponentChildren } from "preact";
import { useContext } from "preact/hooks";
import { DICTIONARIES, type Dictionary } from "./dictionary.js";

export interface I18n {
  readonly language: Language;
  readonly t: Dictionary;
}

const I18nContext = createContext<I18n>({ language: "id", t: DICTIONARIES.id });

/** Provides the labels of one language to everything below it. */
export function I18nProvider({ language, children }: { language: Language; children: ComponentChildren }) {
  return <I18nContext.Provider value={{ language, t: DICTIONARIES[language] }}>{children}</I18nContext.Provider>;
}

/** The current language and its labels. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
