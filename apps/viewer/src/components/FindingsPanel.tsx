import type { Finding } from "@rapk/import";
import { useI18n } from "../i18n/i18n.js";

/** What the importer noticed in a published table: missing pages, orphans, sums that do not add up. */
export function FindingsPanel({ findings }: { findings: readonly Finding[] }) {
  const { t } = useI18n();
  return (
    <details class="findings" open>
      <summary>{t.findings(findings.length)}</summary>
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
                  <td class="num">{f.line}</td>
                  <td>
                    <code>{f.code}</code>
                  </td>
                  <td>{f.subject ?? ""}</td>
                  <td>{f.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
