import { indicatorId, lineId } from "./codes.js";
import { DomainFailure } from "./errors.js";
import type { PlanEvent } from "./events/index.js";
import { type PlanDraft, entryDraft, putEntry, removeEntry } from "./planDraft.js";

const emptyRow = () => ({});

function notApplicable(event: PlanEvent, why: string): never {
  throw new DomainFailure({ code: "EVENT_NOT_APPLICABLE", message: `${event.type}: ${why}`, path: ["data"] });
}

/**
 * Applies one event to a plan draft in place. It is the only place that knows how a fact changes
 * the plan; evolve, replay and decideBatch fold through it. An event that refers to something
 * that does not exist cannot have been decided, so it throws (EVENT_NOT_APPLICABLE) instead of
 * being silently dropped. Internal to core (the index does not export it).
 */
export function applyEvent(draft: PlanDraft, event: PlanEvent): void {
  const state = draft.state;
  switch (event.type) {
    case "PlanDrafted": {
      const { unit, agency, year, ceiling, title } = event.data;
      state.plan = title === undefined ? { unit, agency, year, ceiling } : { unit, agency, year, ceiling, title };
      break;
    }
    case "CeilingRevised": {
      if (!state.plan) notApplicable(event, "no plan drafted");
      state.plan = { ...state.plan, ceiling: event.data.ceiling };
      break;
    }
    case "ObjectiveDefined": {
      const { code, name, number } = event.data;
      // Objectives are never removed, so the count so far is the next free place.
      const position = state.objectives[code]?.position ?? Object.keys(state.objectives).length;
      putEntry(draft, "objectives", code, number === undefined ? { code, name, position } : { code, name, number, position });
      break;
    }
    case "ObjectiveRenamed": {
      if (!state.objectives[event.data.code]) notApplicable(event, `unknown objective ${event.data.code}`);
      entryDraft(draft, "objectives", event.data.code).name = event.data.name;
      break;
    }
    case "IndicatorDefined": {
      const d = event.data;
      const id = indicatorId(d.objective, d.code);
      if (!state.objectives[d.objective]) notApplicable(event, `unknown objective ${d.objective}`);
      putEntry(draft, "indicators", id, {
        id,
        objective: d.objective,
        code: d.code,
        name: d.name,
        unit: d.unit,
        direction: d.direction,
        shape: d.shape,
        targets: Array(12).fill(null),
      });
      break;
    }
    case "IndicatorRenamed": {
      if (!state.indicators[event.data.indicator]) notApplicable(event, `unknown indicator ${event.data.indicator}`);
      entryDraft(draft, "indicators", event.data.indicator).name = event.data.name;
      break;
    }
    case "TargetSet": {
      if (!state.indicators[event.data.indicator]) notApplicable(event, `unknown indicator ${event.data.indicator}`);
      const indicator = entryDraft(draft, "indicators", event.data.indicator);
      const targets = [...indicator.targets];
      targets[event.data.month - 1] = event.data.value;
      indicator.targets = targets;
      break;
    }
    case "TargetsSet": {
      if (!state.indicators[event.data.indicator]) notApplicable(event, `unknown indicator ${event.data.indicator}`);
      entryDraft(draft, "indicators", event.data.indicator).targets = [...event.data.values];
      break;
    }
    case "BudgetLineRegistered": {
      const { output, component, subComponent, pagu, unattributed } = event.data;
      const id = lineId(output.code, component.code, subComponent.code);
      const line = { id, output: { ...output }, component: { ...component }, subComponent: { ...subComponent }, pagu };
      putEntry(draft, "lines", id, unattributed === undefined ? line : { ...line, unattributed });
      break;
    }
    case "BudgetRevised": {
      if (!state.lines[event.data.line]) notApplicable(event, `unknown budget line ${event.data.line}`);
      entryDraft(draft, "lines", event.data.line).pagu = event.data.pagu;
      break;
    }
    case "ContributionAllocated": {
      const { indicator, line, amount } = event.data;
      if (!state.indicators[indicator]) notApplicable(event, `unknown indicator ${indicator}`);
      if (!state.lines[line]) notApplicable(event, `unknown budget line ${line}`);
      if (amount > 0) {
        entryDraft(draft, "contributions", indicator, emptyRow)[line] = amount;
      } else if (state.contributions[indicator]?.[line] !== undefined) {
        const row = entryDraft(draft, "contributions", indicator);
        delete row[line];
        if (Object.keys(row).length === 0) removeEntry(draft, "contributions", indicator);
      }
      break;
    }
    case "PlanSigned": {
      state.signature = { ...event.data };
      break;
    }
    case "RealisationReported": {
      const { indicator, month, ...report } = event.data;
      if (!state.indicators[indicator]) notApplicable(event, `unknown indicator ${indicator}`);
      entryDraft(draft, "realisations", indicator, emptyRow)[month] = report;
      break;
    }
    case "SpendingReported": {
      const { line, month, amount, ...said } = event.data;
      if (!state.lines[line]) notApplicable(event, `unknown budget line ${line}`);
      entryDraft(draft, "spending", line, emptyRow)[month] = amount;
      // The later report supersedes the earlier one's words too: a report that says nothing clears them.
      if (Object.keys(said).length > 0) entryDraft(draft, "spendingNotes", line, emptyRow)[month] = said;
      else if (state.spendingNotes[line]?.[month] !== undefined) {
        const row = entryDraft(draft, "spendingNotes", line);
        delete row[month];
        if (Object.keys(row).length === 0) removeEntry(draft, "spendingNotes", line);
      }
      break;
    }
    case "IndicatorBudgetStated": {
      const { indicator, amount } = event.data;
      if (!state.indicators[indicator]) notApplicable(event, `unknown indicator ${indicator}`);
      const entry = entryDraft(draft, "indicators", indicator) as { statedBudget?: number };
      if (amount === null) delete entry.statedBudget;
      else entry.statedBudget = amount;
      break;
    }
    case "PlanTotalStated": {
      if (!state.plan) notApplicable(event, "no plan drafted");
      const { statedTotal: _, ...plan } = state.plan;
      state.plan = event.data.amount === null ? plan : { ...plan, statedTotal: event.data.amount };
      break;
    }
    case "MemberAdded": {
      putEntry(draft, "members", event.data.member, { ...event.data });
      break;
    }
    case "MemberRoleChanged":
    case "MemberRekeyed": {
      if (!state.members[event.data.member]) notApplicable(event, `unknown member ${event.data.member}`);
      Object.assign(entryDraft(draft, "members", event.data.member), event.type === "MemberRoleChanged" ? { role: event.data.role } : { publicKey: event.data.publicKey });
      break;
    }
    case "MemberRemoved": {
      if (!state.members[event.data.member]) notApplicable(event, `unknown member ${event.data.member}`);
      removeEntry(draft, "members", event.data.member);
      break;
    }
    case "RolesRequired": {
      const { kind, roles } = event.data;
      const had = state.requirements[kind] ?? [];
      putEntry(draft, "requirements", kind, [...had, ...roles.filter((role) => !had.includes(role))]);
      break;
    }
    case "VersionsRatified":
      // Read by the log's verifier (who signed what); the plan is as it was.
      break;
    case "RevisionProposed": {
      const key = String(event.data.proposal);
      if (state.proposals[key]) notApplicable(event, `proposal ${key} already exists`);
      putEntry(draft, "proposals", key, { ...event.data, status: "pending" });
      break;
    }
    case "ProposalApproved":
    case "ProposalReturned":
    case "ProposalWithdrawn": {
      const key = String(event.data.proposal);
      if (state.proposals[key]?.status !== "pending") notApplicable(event, `proposal ${key} is not pending`);
      const decided = entryDraft(draft, "proposals", key) as { status: string; decidedBy?: string; returnReason?: string };
      decided.status = event.type === "ProposalApproved" ? "approved" : event.type === "ProposalReturned" ? "returned" : "withdrawn";
      decided.decidedBy = event.data.by;
      if (event.type === "ProposalReturned") decided.returnReason = event.data.reason;
      break;
    }
    default: {
      const unknown: never = event;
      throw new DomainFailure({ code: "EVENT_UNKNOWN", message: `unknown event ${JSON.stringify(unknown)}`, path: ["type"] });
    }
  }
  state.eventCount += 1;
}
