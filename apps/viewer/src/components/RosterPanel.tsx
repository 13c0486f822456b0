import type { PlanState } from "@rapk/core";
import { fingerprintOf } from "@rapk/history";
import { useState } from "preact/hooks";
import { useI18n } from "../i18n/i18n.js";
import type { Pins } from "../model/source.js";

/**
 * The plan's roster as it stood at a version (its members, their roles and keys, by fingerprint
 * as rapk prints them) and the proposals waiting for approval then; and the pins the log is
 * checked against (`onPin` checks it again with others). Loaded by the page only when its tab is
 * opened.
 */
export function RosterPanel({ state, version, pins = {}, onPin }: { state: PlanState; version: number; pins?: Pins; onPin?: (pins: Pins) => void }) {
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
      {onPin && <PinForm pins={pins} onPin={onPin} />}
    </div>
  );
}

const HEX64 = /^[0-9a-f]{64}$/;

/** The root key and the head an auditor holds outside the log, to check it against (empty: not pinned). */
function PinForm({ pins, onPin }: { pins: Pins; onPin: (pins: Pins) => void }) {
  const { t } = useI18n();
  const [root, setRoot] = useState(pins.root ?? "");
  const [head, setHead] = useState(pins.expectHead ?? "");
  const clean = (text: string) => text.trim().toLowerCase();
  const bad = (text: string) => clean(text) !== "" && !HEX64.test(clean(text));
  const field = (id: string, label: string, value: string, set: (text: string) => void) => (
    <p>
      <label for={id}>{label}</label>
      <input id={id} class="pin-input" value={value} spellcheck={false} autocomplete="off" aria-invalid={bad(value)} aria-describedby={`${id}-hint`} onInput={(event) => set((event.target as HTMLInputElement).value)} />
      <span id={`${id}-hint`} class="hint">
        {bad(value) ? t.pinInvalid : t.pinHint}
      </span>
    </p>
  );
  return (
    <form
      class="pins"
      onSubmit={(event) => {
        event.preventDefault();
        if (bad(root) || bad(head)) return;
        onPin({ ...(clean(root) ? { root: clean(root) } : {}), ...(clean(head) ? { expectHead: clean(head) } : {}) });
      }}
    >
      <h3>{t.pinTitle}</h3>
      {field("pin-root", t.pinRoot, root, setRoot)}
      {field("pin-head", t.pinHead, head, setHead)}
      <button type="submit" class="button" disabled={bad(root) || bad(head)}>
        {t.pinCheck}
      </button>
    </form>
  );
}
