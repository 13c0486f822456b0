import { DEFAULT_POLICY, planCommand, policyOf, stateAfter } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { planSpec } from "@rapk/core/testing";
import { seedSigned } from "../fixtures/seed.js";

const HEAD_KEY = "1".repeat(64);
const OFFICER_KEY = "2".repeat(64);
const head = { member: "kepala", name: "Kepala Loka POM di Kabupaten Rejang Lebong", role: "head" as const, publicKey: HEAD_KEY };
const officer = { member: "siti", name: "Siti Rahma", role: "officer" as const, publicKey: OFFICER_KEY };
const withRoster = [...seedSigned, { type: "MemberAdded" as const, data: head }, { type: "MemberAdded" as const, data: officer }];

describe("the roster (daftar anggota)", () => {
  it("given a signed plan, when the head adds themself in a roster version, then the member is added", () => {
    planSpec.given(seedSigned).when(planCommand("addMember", head), { kind: "roster", by: "kepala" }).then([{ type: "MemberAdded", data: head }]);
  });

  it("is changed only in a roster version once the plan is signed", () => {
    planSpec.given(seedSigned).when(planCommand("addMember", head), { kind: "pok" }).thenFails("REVISION_KIND_MISMATCH", ["type"]);
    planSpec.given(seedSigned).when(planCommand("addMember", head)).thenFails("PLAN_SIGNED_REVISION_REQUIRED", ["type"]);
  });

  it("refuses a first roster without a head: someone must approve", () => {
    const error = planSpec.given(seedSigned).when(planCommand("addMember", officer), { kind: "roster" }).thenFails("ROSTER_WITHOUT_HEAD", ["members"]);
    expect(error.message).toMatch(/no head left/);
  });

  it("refuses a member id twice, and a key another member signs with", () => {
    planSpec.given(withRoster).when(planCommand("addMember", { ...officer, publicKey: "3".repeat(64) }), { kind: "roster", by: "kepala" }).thenFails("MEMBER_EXISTS", ["data", "member"]);
    const error = planSpec.given(withRoster).when(planCommand("addMember", { ...officer, member: "budi" }), { kind: "roster", by: "kepala" }).thenFails("KEY_IN_USE", ["data", "publicKey"]);
    expect(error.message).toBe("member siti already signs with this key");
    planSpec.given(withRoster).when(planCommand("rekeyMember", { member: "siti", publicKey: HEAD_KEY }), { kind: "roster", by: "kepala" }).thenFails("KEY_IN_USE");
  });

  it("re-keys, re-roles and removes members, but never the last head", () => {
    planSpec.given(withRoster).when(planCommand("rekeyMember", { member: "siti", publicKey: "4".repeat(64) }), { kind: "roster", by: "kepala" }).then([{ type: "MemberRekeyed", data: { member: "siti", publicKey: "4".repeat(64) } }]);
    planSpec.given(withRoster).when(planCommand("changeMemberRole", { member: "siti", role: "verifier" }), { kind: "roster", by: "kepala" }).then([{ type: "MemberRoleChanged", data: { member: "siti", role: "verifier" } }]);
    planSpec.given(withRoster).when(planCommand("removeMember", { member: "siti" }), { kind: "roster", by: "kepala" }).then([{ type: "MemberRemoved", data: { member: "siti" } }]);
    planSpec.given(withRoster).when(planCommand("removeMember", { member: "kepala" }), { kind: "roster", by: "kepala" }).thenFails("ROSTER_WITHOUT_HEAD");
    planSpec.given(withRoster).when(planCommand("changeMemberRole", { member: "kepala", role: "officer" }), { kind: "roster", by: "kepala" }).thenFails("ROSTER_WITHOUT_HEAD");
    planSpec.given(withRoster).when(planCommand("removeMember", { member: "budi" }), { kind: "roster", by: "kepala" }).thenFails("UNKNOWN_MEMBER", ["data", "member"]);
  });

  it("is changed by the head alone: an officer may not add members", () => {
    const error = planSpec.given(withRoster).when(planCommand("addMember", { ...officer, member: "budi", publicKey: "5".repeat(64) }), { kind: "roster", by: "siti" }).thenFails("ROLE_NOT_ALLOWED", ["by"]);
    expect(error.message).toBe("member siti is officer: a roster takes effect when approved by head; propose it instead");
  });

  it("knows a member only by the id the roster holds", () => {
    planSpec.given(withRoster).when(planCommand("reportSpending", { line: "DR.3165.QIA.005.053.A", month: 1, amount: 1 }), { kind: "report", by: "budi" }).thenFails("UNKNOWN_MEMBER", ["by"]);
  });
});

describe("the policy (who must sign what)", () => {
  it("is the default: the head approves every kind, officers prepare, the roster is the head's", () => {
    expect(DEFAULT_POLICY.report).toEqual({ prepare: ["officer", "verifier", "head"], approve: ["head"], reference: false });
    expect(DEFAULT_POLICY.dipa.reference).toBe(true);
    expect(DEFAULT_POLICY.roster.prepare).toEqual(["head"]);
  });

  it("is tightened by a roster version, never loosened", () => {
    const tightened = stateAfter([...withRoster, { type: "RolesRequired", data: { kind: "report", roles: ["verifier"] } }]);
    expect(policyOf(tightened).report.approve).toEqual(["head", "verifier"]);
    expect(policyOf(tightened).pok.approve).toEqual(["head"]);
    planSpec.given(withRoster).when(planCommand("requireRoles", { kind: "report", roles: ["head"] }), { kind: "roster", by: "kepala" }).thenFails("NO_CHANGE", ["data", "roles"]);
    planSpec.given(withRoster).when(planCommand("requireRoles", { kind: "report", roles: ["auditor"] }), { kind: "roster", by: "kepala" }).thenFails("ROLE_NOT_ALLOWED", ["data", "roles"]);
  });

  it("keeps an auditor from taking any step", () => {
    const auditor = { member: "irjen", name: "Inspektorat", role: "auditor" as const, publicKey: "6".repeat(64) };
    const given = [...withRoster, { type: "MemberAdded" as const, data: auditor }];
    planSpec.given(given).when(planCommand("propose", { commands: [{ type: "reportSpending", data: { line: "DR.3165.QIA.005.053.A", month: 1, amount: 1 } }] }), { kind: "report", by: "irjen" }).thenFails("ROLE_NOT_ALLOWED", ["by"]);
  });
});
