import type { Language } from "@rapk/core";
import { useI18n } from "../i18n/i18n.js";

const NAMES: Record<Language, string> = { id: "Bahasa Indonesia", en: "English" };

/** Indonesian or English labels; each button names its language in that language. */
export function LanguageSwitch({ onChange }: { onChange: (language: Language) => void }) {
  const { t, language } = useI18n();
  return (
    <div class="language" role="group" aria-label={t.language}>
      {(Object.keys(NAMES) as Language[]).map((code) => (
        <button key={code} type="button" lang={code} aria-pressed={code === language} onClick={() => onChange(code)}>
          {NAMES[code]}
        </button>
      ))}
    </div>
  );
}
