import type { PlanState } from "@rapk/core";
import { useEffect, useState } from "preact/hooks";
import { Tabs } from "../components/Tabs.js";
import type { LandedVersion, PlanRow, WorkbenchApi } from "./api.js";
import { Inbox } from "./Inbox.js";
import { useWorkbenchI18n } from "./i18n.js";
import type { MemberKey } from "./keyFile.js";
import { Members } from "./Members.js";
import { PokForm } from "./PokForm.js";
import { TargetForm } from "./TargetForm.js";
import { PROPOSERS, ReportForm } from "./ReportForm.js";
import { Alert } from "./Notices.js";
import { problemText } from "./SignIn.js";

/** The plan at its head, as the server gave it: what a form is made on (its version travels with the step). */
export interface LoadedPlan {
  readonly plan: string;
  readonly version: number;
  readonly state: PlanState;
}

type Section = "report" | "pok" | "targets" | "inbox" | "members";

/** One plan: the monthly report form and the approvals inbox, on the plan as the server has it now. */
export function PlanView({ api, plan, role, member, memberKey, onBack }: { api: WorkbenchApi; plan: PlanRow; role: string; member: string; memberKey: MemberKey; onBack: () => void }) {
  const { w } = useWorkbenchI18n();
  const [loaded, setLoaded] = useState<LoadedPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [section, setSection] = useState<Section>(role === "head" ? "inbox" : "report");
  const reload = async () => {
    setError(null);
    try {
      const { version, state } = await api.state(plan.plan);
      setLoaded({ plan: plan.plan, version, state });
    } catch (caught) {
      setError(problemText(caught, w));
    }
  };
  const [landed, setLanded] = useState<LandedVersion | null>(null);
  useEffect(() => {
    void reload();
    // Live: when anyone's version lands, the plan is read again under the open view; a form
    // keeps what was typed and is proposed on the new version (it says so).
    return api.watch(plan.plan, (version) => {
      // The member's own step is said where it was taken; someone else's is said here.
      setLanded(version.signers.some((signer) => signer.publicKey === memberKey.publicKey) ? null : version);
      void reload();
    });
  }, [plan.plan]);
  const unit = loaded?.state.plan?.unit ?? plan.unit ?? plan.plan;
  const year = String(loaded?.state.plan?.year ?? plan.year ?? "");
  return (
    <section class="wb-plan" aria-labelledby="plan-title">
      <div class="wb-plan-head">
        <button type="button" onClick={onBack}>
          {w.back}
        </button>
        <h2 id="plan-title">
          {w.planHeading(unit, year)} <span class="muted">{loaded && w.atVersion(loaded.version)}</span>
        </h2>
        <span class="badge">{w.role[role] ?? role}</span>
        <button type="button" onClick={() => void reload()}>
          {w.reload}
        </button>
      </div>
      <Alert text={error} />
      {landed !== null && (
        <p role="status" class="wb-landed">
          {w.landed(landed.version, landed.actor ?? "")}
        </p>
      )}
      {loaded === null ? (
        <p role="status">{w.loading}</p>
      ) : (
        <Tabs
          label={w.sections}
          tabs={[
            { id: "report", label: w.tabReport },
            { id: "pok", label: w.tabPok },
            { id: "targets", label: w.tabTargets },
            { id: "inbox", label: w.tabInbox },
            // The roster is the head's to keep: the Members tab is theirs.
            ...(role === "head" ? [{ id: "members", label: w.tabMembers }] : []),
          ]}
          selected={section}
          onSelect={(id) => setSection(id as Section)}
        >
          {section === "report" && <ReportForm api={api} loaded={loaded} role={role} memberKey={memberKey} onReload={reload} />}
          {section === "pok" && (PROPOSERS.has(role) ? <PokForm api={api} loaded={loaded} memberKey={memberKey} onReload={reload} /> : <p>{w.officerOnly}</p>)}
          {section === "targets" && (PROPOSERS.has(role) ? <TargetForm api={api} loaded={loaded} memberKey={memberKey} onReload={reload} /> : <p>{w.officerOnly}</p>)}
          {section === "inbox" && <Inbox api={api} loaded={loaded} role={role} member={member} memberKey={memberKey} onReload={reload} />}
          {section === "members" && <Members api={api} loaded={loaded} role={role} memberKey={memberKey} onReload={reload} />}
        </Tabs>
      )}
    </section>
  );
}
