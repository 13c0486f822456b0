import { useI18n } from "../i18n/i18n.js";

/** The file picker: an event log (NDJSON) or a published table (TXT) or CSV template. */
export function FileOpener({ onFile }: { onFile: (file: File) => void }) {
  const { t } = useI18n();
  return (
    <div class="file-opener">
      <label for="file-input" class="button">
        {t.openFile}
      </label>
      <input
        id="file-input"
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
      <span class="hint">{t.dropHint}</span>
    </div>
  );
}
