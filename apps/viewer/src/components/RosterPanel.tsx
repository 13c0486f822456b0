import type { PlanState } from "@rapk/core";
import { fingerprintOf } from "@rapk/history";
import { useI18n } from "../i18n/i18n.js";

/**
 * The plan's roster as it stood at a version (its members, their roles and keys, by fingerprint
 * as rapk prints them) and the proposals waiting for approval then. Loaded by the page only when
 * its tab is opened.
 */
export function RosterPanel({ state, version }: { state: PlanState; version: number }) {
  const { t } = useI18n();
  const members = Object.values(state.members);
  const pending = Object.values(state.proposals).filter((proposal) => proposal.status === "pending");
  return (
    <div class="roster">
      <h2>{t.rosterAt(version)}</h2>
      {members.length === 0 ? (
        <p class="empty">{t.noRoster}</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t.rosterAt(version)}>
          <table class="roster-table">
            <thead>
              <tr>
                <th scope="col">{t.memberId}</th>
                <th scope="col">{t.memberName}</th>
                <th scope="col">{t.memberRole}</th>
                <th scope="col">{t.memberKey}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.member}>
                  <td>
                    <code>{member.member}</code>
                  </td>
                  <th scope="row">{member.name}</th>
                  <td>{t.role[member.role] ?? member.role}</td>
                  <td>
                    <code title={member.publicKey}>{fingerprintOf(member.publicKey)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t.pendingAt(version)}</h3>
      {pending.length === 0 ? (
        <p class="empty">{t.noPending}</p>
      ) : (
        <ul class="pending-list">
          {pending.map((proposal) => (
            <li key={proposal.proposal} class="pending">
              {t.proposed(proposal.proposal, proposal.by)} · {t.kind[proposal.kind] ?? proposal.kind} · {t.proposalStatus.pending}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
