import { describe, expect, it } from "vitest";
import type { PlanCommand } from "@rapk/core";
import { type CommittedVersion, auditLog, parseLog, serializeVersions, verifyLog } from "../src/index.js";
import { checkSignature, generateSigningKey, trusting } from "../src/signing.js";
import { Year } from "./support/year.js";
import { LINE_A, SEED_DRAFT } from "./support/plan.js";

const head = generateSigningKey();
const officer = generateSigningKey();
const treasurer = generateSigningKey();
const outsider = generateSigningKey();
const KEPALA = { member: "kepala", name: "Kepala Loka POM di Kabupaten Rejang Lebong", role: "head", publicKey: head.publicKey };
const SITI = { member: "siti", name: "Siti Rahma", role: "officer", publicKey: officer.publicKey };
const BENDAHARA = { member: "bendahara", name: "Bendahara", role: "officer", publicKey: treasurer.publicKey };

const spend = (month: number, amount: number) => ({ type: "reportSpending", data: { line: LINE_A, month, amount } });

/** The year as a unit keeps it: the head imports, signs and founds the roster, the officer proposes, the head approves or returns. */
function year(): Year {
  const y = new Year();
  y.write("draft", [...SEED_DRAFT, { type: "addMember", data: KEPALA }] as PlanCommand[], [head.secretKey]); // 1
  y.write("roster", [{ type: "addMember", data: SITI }, { type: "addMember", data: BENDAHARA }], [head.secretKey], { by: "kepala" }); // 2
  y.write("report", [{ type: "propose", data: { commands: [spend(1, 10_000_000)] } }], [officer.secretKey], { by: "siti" }); // 3: proposal 1
  y.write("report", [{ type: "approveProposal", data: { proposal: 1 } }], [head.secretKey], { by: "kepala" }); // 4
  y.write("report", [{ type: "propose", data: { commands: [spend(2, 5_000_000)] } }], [officer.secretKey], { by: "siti" }); // 5: proposal 2
  y.write("report", [{ type: "returnProposal", data: { proposal: 2, reason: "lampirkan bukti pembayaran" } }], [head.secretKey], { by: "kepala" }); // 6
  y.write("report", [{ type: "propose", data: { commands: [spend(2, 5_500_000)] } }], [officer.secretKey], { by: "siti" }); // 7: proposal 3
  y.write("report", [{ type: "approveProposal", data: { proposal: 3 } }], [head.secretKey], { by: "kepala" }); // 8
  y.write("pok", [{ type: "propose", data: { commands: [{ type: "reviseBudget", data: { line: LINE_A, pagu: 120_736_000 } }] } }], [officer.secretKey], { by: "siti" }); // 9: proposal 4
  y.write("pok", [{ type: "approveProposal", data: { proposal: 4 } }], [head.secretKey], { by: "kepala" }); // 10
  return y;
}

const problemsOf = (text: string, options: Parameters<typeof auditLog>[1] = { checkSignature }) => auditLog(text, options).problems.map((p) => [p.code, p.line]);
const commitLineOf = (text: string, version: number) => text.trimEnd().split("\n").findIndex((line) => line.includes(`"commit":${version},`)) + 1;

describe("a year kept the way a unit keeps it: members, proposals, approvals", () => {
  const y = year();
  const text = y.text;

  it("verifies, plainly, against the trust file holding the head, and with the head pinned as root", () => {
    expect(auditLog(text, { checkSignature }).problems).toEqual([]);
    expect(auditLog(text, { trust: trusting([{ name: "Kepala", publicKey: head.publicKey }]) }).problems).toEqual([]);
    expect(auditLog(text, { checkSignature, root: head.publicKey }).problems).toEqual([]);
  });

  it("says who signed every version, with their role, and that the policy is met", () => {
    const seen: [number, string[], string | undefined][] = [];
    auditLog(text, { checkSignature, onVersion: (v) => seen.push([v.number, (v.signers ?? []).map((s) => `${s.member}:${s.role}`), v.policy]) });
    expect(seen.map(([n, who]) => [n, who.join(",")])).toEqual([
      [1, "kepala:head"], [2, "kepala:head"], [3, "siti:officer"], [4, "kepala:head"], [5, "siti:officer"],
      [6, "kepala:head"], [7, "siti:officer"], [8, "kepala:head"], [9, "siti:officer"], [10, "kepala:head"],
    ]);
    expect(seen.every(([, , policy]) => policy === "met")).toBe(true);
  });

  it("puts in force only what was approved: the returned proposal's figure never lands", () => {
    expect(parseLog(text).ok).toBe(true);
    const states: Record<number, unknown>[] = [];
    expect(auditLog(text, { checkSignature, onVersion: (v) => states.push(v.state.spending[LINE_A] ?? {}) }).ok).toBe(true);
    expect(states[2]).toEqual({}); // proposed, not in force
    expect(states[3]).toEqual({ 1: 10_000_000 });
    expect(states[5]).toEqual({ 1: 10_000_000 }); // returned
    expect(states[7]).toEqual({ 1: 10_000_000, 2: 5_500_000 });
  });
});

describe("forgeries of who did what, each caught and named", () => {
  it("a version re-signed by a member whose role may not sign it: an officer's key on a Revisi POK put in force", () => {
    const y = year();
    y.write("pok", [{ type: "reviseBudget", data: { line: LINE_A, pagu: 119_736_000 } }], [treasurer.secretKey]);
    const text = y.text;
    expect(problemsOf(text)).toEqual([["POLICY_NOT_MET", commitLineOf(text, 11)]]);
    expect(auditLog(text, { checkSignature }).problems[0]?.message).toMatch(/version 11 \(pok\) is in force only when approved by head, but is signed by bendahara \(officer\): it lacks head/);
    expect(problemsOf(text, { trust: trusting([{ name: "Kepala", publicKey: head.publicKey }, { name: "Bendahara", publicKey: treasurer.publicKey }]) })).toEqual([["POLICY_NOT_MET", commitLineOf(text, 11)]]);
  });

  it("an approval signed by the officer who proposed: the policy wants the head", () => {
    const y = new Year();
    y.write("draft", [...SEED_DRAFT, { type: "addMember", data: KEPALA }, { type: "addMember", data: SITI }] as PlanCommand[], [head.secretKey]);
    y.write("report", [{ type: "propose", data: { commands: [spend(1, 1)] } }], [officer.secretKey], { by: "siti" });
    // decide refuses it (an officer does not approve); a forger writes it without `by` and signs with the officer's key.
    y.write("report", [{ type: "approveProposal", data: { proposal: 1 } }], [officer.secretKey], { by: "kepala" });
    const text = y.text;
    expect(problemsOf(text).map(([code]) => code)).toEqual(["SIGNER_MISMATCH", "POLICY_NOT_MET"]);
  });

  it("the whole log re-signed by a key that is not the root: caught by the roster's rules, and by the pinned root", () => {
    const forged = new Year();
    forged.write("draft", [...SEED_DRAFT, { type: "addMember", data: KEPALA }] as PlanCommand[], [outsider.secretKey]);
    const text = forged.text;
    expect(problemsOf(text)).toEqual([["UNKNOWN_SIGNER", commitLineOf(text, 1)], ["POLICY_NOT_MET", commitLineOf(text, 1)]]);
    // A forger who also swaps the head's key in the roster passes plain verify, but not the pinned root.
    const swapped = new Year();
    swapped.write("draft", [...SEED_DRAFT, { type: "addMember", data: { ...KEPALA, publicKey: outsider.publicKey } }] as PlanCommand[], [outsider.secretKey]);
    expect(problemsOf(swapped.text)).toEqual([]);
    expect(problemsOf(swapped.text, { checkSignature, root: head.publicKey })).toEqual([["ROOT_NOT_TRUSTED", 1 + SEED_DRAFT.length + 1]]);
    expect(problemsOf(swapped.text, { trust: trusting([{ name: "Kepala", publicKey: head.publicKey }]) }).map(([code]) => code)).toEqual(["ROOT_NOT_TRUSTED"]);
  });

  it("a signature removed from a version the policy requires it on", () => {
    const y = year();
    const stripped = y.versions.map((v, i) => (i === 3 ? { ...v, commit: { ...v.commit!, signatures: undefined } } : v)) as CommittedVersion[];
    const text = serializeVersions(stripped);
    expect(problemsOf(text)).toEqual([["SIGNER_MISMATCH", commitLineOf(text, 4)], ["POLICY_NOT_MET", commitLineOf(text, 4)]]);
  });

  it("a key removed from the roster signs nothing after", () => {
    const y = year();
    y.write("roster", [{ type: "removeMember", data: { member: "siti" } }], [head.secretKey], { by: "kepala" });
    // Her old key, on a step written in the head's name (decide knows her no more).
    y.write("report", [{ type: "propose", data: { commands: [spend(3, 1)] } }], [officer.secretKey], { by: "kepala" });
    const text = y.text;
    expect(problemsOf(text).map(([code]) => code)).toEqual(["UNKNOWN_SIGNER", "SIGNER_MISMATCH"]);
  });

  it("a Revisi DIPA needs the treasury's letter as its reference", () => {
    const y = year();
    y.write("dipa", [{ type: "reviseCeiling", data: { ceiling: 4_900_000_000 } }], [head.secretKey], { by: "kepala" });
    expect(problemsOf(y.text).map(([code]) => code)).toEqual(["REFERENCE_REQUIRED"]);
    const z = year();
    z.write("dipa", [{ type: "reviseCeiling", data: { ceiling: 4_900_000_000 } }], [head.secretKey], { by: "kepala", reference: "S-123/WPB.07/2024" });
    expect(problemsOf(z.text)).toEqual([]);
  });

  it("an auditor's signature on a change", () => {
    const auditorKey = generateSigningKey();
    const y = year();
    y.write("roster", [{ type: "addMember", data: { member: "irjen", name: "Inspektorat", role: "auditor", publicKey: auditorKey.publicKey } }], [head.secretKey], { by: "kepala" });
    y.write("report", [spend(3, 1)], [head.secretKey, auditorKey.secretKey]);
    expect(problemsOf(y.text).map(([code]) => code)).toEqual(["ROLE_NOT_ALLOWED"]);
  });
});

describe("logs written before rosters", () => {
  it("verify as before, and a trust file with roles checks them against the policy", () => {
    const y = new Year();
    y.write("draft", SEED_DRAFT, [head.secretKey]);
    y.write("pok", [{ type: "reviseBudget", data: { line: LINE_A, pagu: 120_736_000 } }], [treasurer.secretKey]);
    const text = y.text;
    const keys = [{ name: "Kepala", publicKey: head.publicKey }, { name: "Bendahara", publicKey: treasurer.publicKey }];
    expect(verifyLog(text, { checkSignature }).ok).toBe(true);
    expect(verifyLog(text, { trust: trusting(keys) }).ok).toBe(true);
    const roled = [{ ...keys[0]!, role: "head" as const }, { ...keys[1]!, role: "officer" as const }];
    expect(problemsOf(text, { trust: trusting(roled) })).toEqual([["POLICY_NOT_MET", commitLineOf(text, 2)]]);
    expect(problemsOf(text, { checkSignature, root: head.publicKey }).map(([code]) => code)).toEqual(["ROOT_NOT_TRUSTED"]);
  });
});
