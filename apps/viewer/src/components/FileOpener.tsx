import { useI18n } from "../i18n/i18n.js";

/**
 * A file picker: an event log (NDJSON) or a published table (TXT) or CSV template. The main one
 * opens the plan, and takes several files at once (`onFiles`: the log and its evidence files);
 * the compare tab has a second one (its own `id` and label), of one file.
 */
export function FileOpener({ onFile, onFiles, id = "file-input", label, hint = true }: { onFile: (file: File) => void; onFiles?: (files: readonly File[]) => void; id?: string; label?: string; hint?: boolean }) {
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
        multiple={onFiles !== undefined}
        onChange={(event) => {
          const input = event.target as HTMLInputElement;
          const files = Array.from(input.files ?? []);
          if (onFiles && files.length > 1) onFiles(files);
          else if (files[0]) onFile(files[0]);
          // Reset so choosing the same file again (after fixing it) opens it again.
          input.value = "";
        }}
      />
      {hint && <span class="hint">{t.dropHint}</span>}
    </div>
  );
}
