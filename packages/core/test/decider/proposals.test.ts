import { planCommand, stateAfter } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { planSpec } from "@rapk/core/testing";
import { SAMPLING, seedSigned } from "../fixtures/seed.js";

const head = { member: "kepala", name: "Kepala", role: "head" as const, publicKey: "1".repeat(64) };
const officer = { member: "siti", name: "Siti Rahma", role: "officer" as const, publicKey: "2".repeat(64) };
const roster = [...seedSigned, { type: "MemberAdded" as const, data: head }, { type: "MemberAdded" as const, data: officer }];
const spend = { type: "reportSpending", data: { line: SAMPLING, month: 1, amount: 10_000_000 } };
const proposed = { type: "RevisionProposed" as const, data: { proposal: 1, kind: "report" as const, by: "siti", commands: [spend] } };
const pending = [...roster, proposed];

describe("a proposal (usulan)", () => {
  it("given a roster, when the officer proposes January's spending, then it is recorded as proposal 1, not in force", () => {
    planSpec.given(roster).when(planCommand("propose", { commands: [spend] }), { kind: "report", by: "siti" }).then([proposed]);
    expect(stateAfter(pending).spending[SAMPLING]).toBeUndefined();
    expect(stateAfter(pending).proposals["1"]?.status).toBe("pending");
  });

  it("is checked against the plan when proposed", () => {
    const over = { type: "reportSpending", data: { line: SAMPLING, month: 1, amount: 999_000_000_000 } };
    planSpec.given(roster).when(planCommand("propose", { commands: [over] }), { kind: "report", by: "siti" }).thenFails("LINE_OVERSPENT");
    planSpec.given(roster).when(planCommand("propose", { commands: [{ type: "reviseCeiling", data: { ceiling: 1 } }] }), { kind: "pok", by: "siti" }).thenFails("POK_CHANGES_CEILING");
  });

  it("names who proposes it", () => {
    planSpec.given(roster).when(planCommand("propose", { commands: [spend] }), { kind: "report" }).thenFails("MEMBER_REQUIRED");
  });

  it("when the head approves it, then its events take effect in the same version", () => {
    planSpec
      .given(pending)
      .when(planCommand("approveProposal", { proposal: 1 }), { kind: "report", by: "kepala" })
      .then([{ type: "ProposalApproved", data: { proposal: 1, by: "kepala" } }, { type: "SpendingReported", data: spend.data }]);
  });

  it("is decided again when approved: another approval may have come first", () => {
    const second = { type: "RevisionProposed" as const, data: { proposal: 2, kind: "report" as const, by: "siti", commands: [{ type: "reportSpending", data: { line: SAMPLING, month: 2, amount: 125_736_000 } }] } };
    const first = [{ type: "ProposalApproved" as const, data: { proposal: 1, by: "kepala" } }, { type: "SpendingReported" as const, data: spend.data }];
    planSpec.given([...pending, second, ...first]).when(planCommand("approveProposal", { proposal: 2 }), { kind: "report", by: "kepala" }).thenFails("LINE_OVERSPENT");
  });

  it("is not approved by the officer who prepared it", () => {
    const error = planSpec.given(pending).when(planCommand("approveProposal", { proposal: 1 }), { kind: "report", by: "siti" }).thenFails("ROLE_NOT_ALLOWED", ["type"]);
    expect(error.message).toBe("member siti is officer: a report proposal is approved by head");
  });

  it("is returned with a reason by the head, and can then be decided no more", () => {
    const returned = { type: "ProposalReturned" as const, data: { proposal: 1, reason: "lampirkan bukti", by: "kepala" } };
    planSpec.given(pending).when(planCommand("returnProposal", { proposal: 1, reason: "lampirkan bukti" }), { by: "kepala" }).then([returned]);
    const state = stateAfter([...pending, returned]);
    expect(state.proposals["1"]).toMatchObject({ status: "returned", decidedBy: "kepala", returnReason: "lampirkan bukti" });
    planSpec.given([...pending, returned]).when(planCommand("approveProposal", { proposal: 1 }), { by: "kepala" }).thenFails("PROPOSAL_NOT_PENDING", ["data", "proposal"]);
  });

  it("is withdrawn by its proposer only", () => {
    planSpec.given(pending).when(planCommand("withdrawProposal", { proposal: 1 }), { by: "siti" }).then([{ type: "ProposalWithdrawn", data: { proposal: 1, by: "siti" } }]);
    planSpec.given(pending).when(planCommand("withdrawProposal", { proposal: 1 }), { by: "kepala" }).thenFails("ROLE_NOT_ALLOWED");
  });

  it("is approved in a version of its own kind, and only if it exists", () => {
    planSpec.given(pending).when(planCommand("approveProposal", { proposal: 1 }), { kind: "pok", by: "kepala" }).thenFails("REVISION_KIND_MISMATCH");
    planSpec.given(pending).when(planCommand("approveProposal", { proposal: 7 }), { by: "kepala" }).thenFails("UNKNOWN_PROPOSAL");
  });

  it("stands alone in its version", () => {
    planSpec.given(pending).whenBatch([planCommand("approveProposal", { proposal: 1 }), planCommand("reportSpending", spend.data)], { by: "kepala" }).thenFails("COMMAND_INVALID");
  });

  it("keeps an officer from putting a change in force directly", () => {
    planSpec.given(roster).when(planCommand("reportSpending", spend.data), { kind: "report", by: "siti" }).thenFails("ROLE_NOT_ALLOWED", ["by"]);
    planSpec.given(roster).when(planCommand("reportSpending", spend.data), { kind: "report", by: "kepala" }).then([{ type: "SpendingReported", data: spend.data }]);
  });
});
