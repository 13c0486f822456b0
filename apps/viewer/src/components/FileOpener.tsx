import { useI18n } from "../i18n/i18n.js";

/**
 * A file picker: an event log (NDJSON) or a published table (TXT) or CSV template. The main one
 * opens the plan; the compare tab has a second one (its own `id` and label).
 */
export function FileOpener({ onFile, id = "file-input", label, hint = true }: { onFile: (file: File) => void; id?: string; label?: string; hint?: boolean }) {
  const { t } = useI18n();
  return (
    <div class="file-opener">
      <label for={id} class="button">
        {label ?? t.openFile}
      </label>
      <input
        id={id}
        class="file-input"
        type="file"
        accept=".ndjson,.jsonl,.json,.txt,.csv,application/x-ndjson,text/plain,text/csv"
        onChange={(event) => {
          const input = event.target as HTMLInputElement;
          const file = input.files?.[0];
          if (file) onFile(file);
          // Reset so choosing the same file again (after fixing it) opens it again.
          input.value = "";
        }}
      />
      {hint && <span class="hint">{t.dropHint}</span>}
    </div>
  );
}
