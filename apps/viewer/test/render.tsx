import type { Language } from "@rapk/core";
import { type RenderResult, render } from "@testing-library/preact";
import type { ComponentChildren } from "preact";
import { I18nProvider } from "../src/i18n/i18n.js";

/** Renders a component with the labels of one language (Indonesian by default, as the app). */
export function renderIn(ui: ComponentChildren, language: Language = "id"): RenderResult {
  return render(<I18nProvider language={language}>{ui}</I18nProvider>);
}
