import type { PlanEvent, PlanState } from "@rapk/core";

/**
 * What a version did to the plan's roster and proposals, in words, for a version list: "proposal 3
 * (report) by siti, 1 command, waiting for approval", "approves proposal 3 (report) proposed by
 * siti", "returns proposal 2 to siti: lampirkan bukti", "adds siti (officer)". Empty for a version
 * that changes neither (its diff says what it did). `before` is the plan before the version.
 */
export function describeSteps(events: readonly Pick<PlanEvent, "type" | "data">[], before: PlanState): string[] {
  const words: string[] = [];
  for (const event of events as readonly PlanEvent[]) {
    switch (event.type) {
      case "RevisionProposed": {
        const n = event.data.commands.length;
        words.push(`proposal ${event.data.proposal} (${event.data.kind}) by ${event.data.by}, ${n} ${n === 1 ? "command" : "commands"}, waiting for approval`);
        break;
      }
      case "ProposalApproved":
        words.push(`${event.data.by} approves proposal ${event.data.proposal}${proposer(before, event.data.proposal)}`);
        break;
      case "ProposalReturned":
        words.push(`${event.data.by} returns proposal ${event.data.proposal}${proposer(before, event.data.proposal)}: ${event.data.reason}`);
        break;
      case "ProposalWithdrawn":
        words.push(`${event.data.by} withdraws proposal ${event.data.proposal}`);
        break;
      case "MemberAdded":
        words.push(`adds ${event.data.member} (${event.data.role})`);
        break;
      case "MemberRoleChanged":
        words.push(`${event.data.member} becomes ${event.data.role}`);
        break;
      case "MemberRekeyed":
        words.push(`${event.data.member} signs with a new key`);
        break;
      case "MemberRemoved":
        words.push(`removes ${event.data.member}`);
        break;
      case "RolesRequired":
        words.push(`a ${event.data.kind} now also needs ${event.data.roles.join(" and ")}`);
        break;
      case "VersionsRatified":
        words.push(`ratifies ${event.data.through === 1 ? "version 1" : `versions 1-${event.data.through}`} (head ${event.data.head.slice(0, 12)}…)`);
        break;
      default:
        break;
    }
  }
  return words;
}

function proposer(before: PlanState, n: number): string {
  const proposal = before.proposals[String(n)];
  return proposal ? ` (${proposal.kind}, proposed by ${proposal.by})` : "";
}
