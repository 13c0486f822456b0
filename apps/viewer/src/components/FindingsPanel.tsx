import type { Finding, SourceFile } from "@rapk/core";
import { useI18n } from "../i18n/i18n.js";

/**
 * What the importer noticed in a published table (missing pages, orphans, sums that do not add
 * up), as the log records it: each finding's message in the viewer's language, opening with the
 * line (and page) of the source, its code for programs, and the file it was imported from.
 */
export function FindingsPanel({
  findings,
  imported,
  open = true,
}: {
  findings: readonly Finding[];
  imported?: { readonly source: SourceFile; readonly importer: string } | undefined;
  /** Open at first: a table just imported shows its findings; a log opened says how many, and shows them on a click. */
  open?: boolean;
}) {
  const { t, language } = useI18n();
  return (
    <details class="findings" open={open}>
      <summary>{t.findings(findings.length)}</summary>
      {imported && <p class="imported-from">{t.importedFrom(imported.source.name, imported.source.size, imported.source.sha256, imported.importer)}</p>}
      {findings.length === 0 ? (
        <p>{t.noFindings}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.line}</th>
                <th scope="col">{t.code}</th>
                <th scope="col">{t.subject}</th>
                <th scope="col">{t.message}</th>
              </tr>
            </thead>
            <tbody>
              {findings.map((f, i) => (
                <tr key={i}>
                  <td class="num">{f.page === undefined ? f.line : t.lineOnPage(f.line, f.page)}</td>
                  <td>
                    <code>{f.code}</code>
                  </td>
                  <td>{f.subject ?? ""}</td>
                  <td lang={language}>{f.message[language]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
