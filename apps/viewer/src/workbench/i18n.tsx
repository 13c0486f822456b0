import type { Language } from "@rapk/core";
import { type ComponentChildren, createContext } from "preact";
import { useContext } from "preact/hooks";
import { I18nProvider } from "../i18n/i18n.js";
import { WORKBENCH_DICTIONARIES, type WorkbenchDictionary } from "./dictionary.js";

export interface WorkbenchI18n {
  readonly language: Language;
  readonly w: WorkbenchDictionary;
}

const WorkbenchI18nContext = createContext<WorkbenchI18n>({ language: "id", w: WORKBENCH_DICTIONARIES.id });

/** The workbench's labels in one language, and the viewer's (its shared components read those). */
export function WorkbenchI18nProvider({ language, children }: { language: Language; children: ComponentChildren }) {
  return (
    <I18nProvider language={language}>
      <WorkbenchI18nContext.Provider value={{ language, w: WORKBENCH_DICTIONARIES[language] }}>{children}</WorkbenchI18nContext.Provider>
    </I18nProvider>
  );
}

export function useWorkbenchI18n(): WorkbenchI18n {
  return useContext(WorkbenchI18nContext);
}
