import type { Language } from "@rapk/core";
import { useEffect, useMemo, useState } from "preact/hooks";
import { useI18n } from "../i18n/i18n.js";
import { download } from "../model/download.js";
import { type EvidenceStatus, checkCited, citedFiles } from "../model/evidenceCheck.js";
import { formatBytes } from "../model/limits.js";
import type { EvidenceChecked, VersionSigning } from "../model/signing.js";
import { digestFile } from "../worker/fileDigest.js";
import { useUnverifiedMark } from "./Unverified.js";

// The panel's words are here, not in the dictionary of the first load: most visits never open it.
const WORDS = {
  id: {
    title: "Bukti dukung yang dikutip laporan",
    none: "Tidak ada laporan dalam log ini yang mengutip bukti dukung.",
    where: (folder: string) =>
      `Berkas bukti disimpan di samping log, dalam folder ${folder} (setiap berkas bernama SHA-256-nya), seperti yang disimpan rapk propose dan rapk apply. Pilih folder itu (atau berkas-berkasnya) untuk memeriksa setiap berkas di peramban ini: tidak ada yang diunggah.`,
    chooseFolder: "Pilih folder bukti",
    chooseFiles: "Pilih berkas bukti",
    file: "Berkas",
    type: "Jenis",
    size: "Ukuran",
    citedIn: "Dikutip di versi",
    status: "Keadaan",
    action: "Unduh",
    unchecked: "belum diperiksa",
    checking: "memeriksa…",
    present: (path: string) => `✓ ada dan utuh: SHA-256 cocok (${path})`,
    downloadFile: (name: string) => `Unduh ${name}`,
    given: (n: number) => `${n} berkas diberikan.`,
    summary: (present: number, missing: number, changed: number) => `Diperiksa: ${present} ada dan utuh, ${missing} hilang (EVIDENCE_MISSING), ${changed} berubah (EVIDENCE_CHANGED).`,
  },
  en: {
    title: "Evidence cited by reports",
    none: "No report in this log cites evidence.",
    where: (folder: string) =>
      `Evidence files are kept beside the log, in the folder ${folder} (each file named by its SHA-256), as rapk propose and rapk apply keep them. Choose that folder (or its files) to check every file in this browser: nothing is uploaded.`,
    chooseFolder: "Choose the evidence folder",
    chooseFiles: "Choose evidence files",
    file: "File",
    type: "Type",
    size: "Size",
    citedIn: "Cited in version",
    status: "Status",
    action: "Download",
    unchecked: "not checked",
    checking: "checking…",
    present: (path: string) => `✓ present and intact: SHA-256 matches (${path})`,
    downloadFile: (name: string) => `Download ${name}`,
    given: (n: number) => `${n} file(s) given.`,
    summary: (present: number, missing: number, changed: number) => `Checked: ${present} present and intact, ${missing} missing (EVIDENCE_MISSING), ${changed} changed (EVIDENCE_CHANGED).`,
  },
} satisfies Record<Language, unknown>;

/**
 * The evidence the log's reports cite (bukti dukung) and, once the reader gives the folder kept
 * beside the log (`plan.evidence/`, a folder picker) or its files, each file checked by its
 * SHA-256 as `rapk verify` checks it: present, missing (EVIDENCE_MISSING) or changed
 * (EVIDENCE_CHANGED), in verify's words. A present file downloads with the name and media type
 * the report records, the bytes that were checked; a changed one never does, nor anything of a
 * log that does not verify. Loaded by the page only when its tab is opened.
 */
export function EvidencePanel({
  signing,
  logName,
  files,
  onFiles,
  onChecked,
}: {
  signing: readonly VersionSigning[];
  logName: string;
  files: readonly File[];
  onFiles: (files: readonly File[]) => void;
  /** Told what the check found of each cited file (by digest), for the timeline to say it beside the file. */
  onChecked?: (checked: EvidenceChecked) => void;
}) {
  const { t, language } = useI18n();
  const w = WORDS[language];
  const refused = useUnverifiedMark() !== undefined;
  const cited = useMemo(() => citedFiles(signing), [signing]);
  const [statuses, setStatuses] = useState<{ files: readonly File[]; of: ReadonlyMap<string, EvidenceStatus> } | null>(null);
  useEffect(() => {
    if (files.length === 0 || cited.length === 0) return;
    let current = true;
    void Promise.all(cited.map(async ({ ref }) => [ref.sha256, await checkCited(ref, files, digestFile)] as const)).then((entries) => {
      if (!current) return;
      setStatuses({ files, of: new Map(entries) });
      onChecked?.(new Map(entries.map(([sha256, status]) => [sha256, status.kind])));
    });
    return () => {
      current = false;
    };
  }, [cited, files]);
  // What was checked is shown only for the files given now.
  const checked = statuses !== null && statuses.files === files ? statuses.of : null;
  const counts = checked ? [...checked.values()].reduce((n, s) => ({ ...n, [s.kind]: n[s.kind] + 1 }), { present: 0, missing: 0, changed: 0 }) : null;
  const picked = (event: Event) => {
    const input = event.target as HTMLInputElement;
    onFiles(Array.from(input.files ?? []));
    // Reset, so that choosing the same folder again (after mending a file) checks it again.
    input.value = "";
  };
  const folder = `${logName.replace(/\.ndjson$/, "")}.evidence/`;

  return (
    <div class="evidence">
      <h2>{w.title}</h2>
      {cited.length === 0 ? (
        <p class="empty">{w.none}</p>
      ) : (
        <>
          <p class="hint">{w.where(folder)}</p>
          <div class="evidence-pickers">
            <label for="evidence-folder" class="button">
              {w.chooseFolder}
            </label>
            <input id="evidence-folder" class="file-input" type="file" multiple {...{ webkitdirectory: true }} onChange={picked} />
            <label for="evidence-files" class="button">
              {w.chooseFiles}
            </label>
            <input id="evidence-files" class="file-input" type="file" multiple onChange={picked} />
          </div>
          <p role="status" class="evidence-summary">
            {files.length === 0 ? "" : counts ? `${w.given(files.length)} ${w.summary(counts.present, counts.missing, counts.changed)}` : w.checking}
          </p>
          {refused && <p class="hint">{t.downloadsRefused}</p>}
          <div class="table-scroll" tabIndex={0} role="region" aria-label={w.title}>
            <table class="evidence-table">
              <thead>
                <tr>
                  <th scope="col">{w.file}</th>
                  <th scope="col">{w.type}</th>
                  <th scope="col">{w.size}</th>
                  <th scope="col">SHA-256</th>
                  <th scope="col">{w.citedIn}</th>
                  <th scope="col">{w.status}</th>
                  <th scope="col">{w.action}</th>
                </tr>
              </thead>
              <tbody>
                {cited.map(({ ref, versions }) => {
                  const status = checked?.get(ref.sha256);
                  return (
                    <tr key={ref.sha256} class={status ? `evidence-${status.kind}` : undefined}>
                      <th scope="row">{ref.name}</th>
                      <td class="evidence-type">{ref.mediaType}</td>
                      <td class="num">{formatBytes(ref.size)}</td>
                      <td>
                        <code title={ref.sha256}>{ref.sha256.slice(0, 16)}…</code>
                      </td>
                      <td>{versions.join(", ")}</td>
                      <td class="evidence-status">
                        {!status ? (files.length === 0 ? w.unchecked : w.checking) : status.kind === "present" ? w.present(status.file) : (
                          <>
                            <code>{status.code}</code> {status.message}
                            {status.kind === "changed" && ` (${status.file})`}
                          </>
                        )}
                      </td>
                      <td>
                        {status?.kind === "present" && (
                          <button type="button" class="button" disabled={refused} onClick={() => !refused && download(ref.name, status.bytes, ref.mediaType)}>
                            {w.downloadFile(ref.name)}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
