import type { PlanState } from "@rapk/core";
import { type PrintLayout, planWorkbook } from "@rapk/report";
import { useState } from "preact/hooks";
import { useI18n } from "../i18n/i18n.js";
import { CSV_TYPE, XLSX_TYPE, download } from "../model/download.js";
import { useUnverifiedMark } from "./Unverified.js";

/**
 * Print the plan as the published RAPK (the print stylesheet shows only the printed layout), or
 * download it: XLSX (the document's columns, budget summary, achievement; the spreadsheet
 * library loads only now) and CSV (the import template, which rapk reads back; the CSV writer also loads only now).
 * A log that does not verify is never downloaded: its print is stamped on every page instead (PrintRoot).
 */
export function Actions({ state, layoutOf, baseName, onPrint }: { state: PlanState; layoutOf: () => PrintLayout; baseName: string; onPrint: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const refused = useUnverifiedMark() !== undefined;
  const xlsx = async () => {
    setBusy(true);
    try {
      download(`${baseName}.xlsx`, await planWorkbook(state, layoutOf()), XLSX_TYPE);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="actions" role="group" aria-label={t.actions}>
      <button type="button" class="button" onClick={onPrint}>
        {t.print}
      </button>
      <button type="button" class="button" onClick={() => void xlsx()} disabled={busy || refused}>
        {t.downloadXlsx}
      </button>
      <button type="button" class="button" disabled={refused} onClick={async () => download(`${baseName}.csv`, (await import("../model/csvFiles.js")).csvFiles.plan(state), CSV_TYPE)}>
        {t.downloadCsv}
      </button>
      <span role="status" class="hint">
        {busy ? t.preparing : refused ? t.downloadsRefused : ""}
      </span>
    </div>
  );
}
