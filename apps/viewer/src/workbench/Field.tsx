import { type Language, explainError } from "@rapk/core";
import { useState } from "preact/hooks";
import type { WorkbenchDictionary } from "./dictionary.js";
import { useWorkbenchI18n } from "./i18n.js";
import type { FieldProblem } from "./reportCommands.js";

/** A field's problem in the member's words: the form's own, or a code of core's in core's words with its detail. */
export function problemWords(problem: FieldProblem, w: WorkbenchDictionary, language: Language): string {
  if (typeof problem === "string") return w[problem];
  return `${explainError(problem.code)?.[language] ?? problem.code} (${problem.code}: ${problem.message})`;
}

let fieldIds = 0;

/** An input with its label (visually hidden where a table's headers say it) and its problem, tied by aria-describedby. */
export function Field({ label, value, onInput, problem, inputMode, multiline }: { label: string; value: string; onInput: (value: string) => void; problem?: FieldProblem; inputMode?: "decimal" | "numeric"; multiline?: boolean }) {
  const { w, language } = useWorkbenchI18n();
  const [id] = useState(() => `wb-field-${++fieldIds}`);
  const handler = (event: Event) => onInput((event.currentTarget as HTMLInputElement).value);
  const described = problem === undefined ? {} : { "aria-invalid": true, "aria-describedby": `${id}-problem` };
  return (
    <div class="wb-cell">
      <label for={id} class={multiline ? "" : "sr-only"}>
        {label}
      </label>
      {multiline ? <textarea id={id} value={value} onInput={handler} rows={2} maxLength={5000} /> : <input id={id} type="text" value={value} onInput={handler} inputMode={inputMode} {...described} />}
      {problem !== undefined && (
        <span id={`${id}-problem`} class="wb-error wb-problem">
          {problemWords(problem, w, language)}
        </span>
      )}
    </div>
  );
}
