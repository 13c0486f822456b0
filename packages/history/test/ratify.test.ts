import { describe, expect, it } from "vitest";
import type { PlanCommand } from "@rapk/core";
import { type CommittedVersion, auditLog, serializeVersions } from "../src/index.js";
import { checkSignature, generateSigningKey, trusting } from "../src/signing.js";
import { LINE_A, SEED_DRAFT } from "./support/plan.js";
import { Year } from "./support/year.js";

const head = generateSigningKey();
const officer = generateSigningKey();
const KEPALA = { member: "kepala", name: "Kepala Loka POM di Kabupaten Rejang Lebong", role: "head", publicKey: head.publicKey };
const SITI = { member: "siti", name: "Siti Rahma", role: "officer", publicKey: officer.publicKey };
const trust = trusting([{ name: "Kepala", publicKey: head.publicKey }]);

const spend = (month: number, amount: number) => ({ type: "reportSpending", data: { line: LINE_A, month, amount } });
const ratify = (y: Year, through: number, headOf = y.versions[through - 1]?.head as string) => ({ type: "ratifyVersions", data: { through, head: headOf } });
const problemsOf = (text: string, options: Parameters<typeof auditLog>[1]) => auditLog(text, options).problems.map((p) => [p.code, p.line]);
const commitLineOf = (text: string, version: number) => text.trimEnd().split("\n").findIndex((line) => line.includes(`"commit":${version},`)) + 1;

/** A year written before anyone signed: the import and two monthly reports, none signed. */
function unsignedYear(): Year {
  const y = new Year();
  y.write("draft", SEED_DRAFT as PlanCommand[], []); // 1
  y.write("report", [spend(1, 10_000_000)], []); // 2
  y.write("report", [spend(2, 5_000_000)], []); // 3
  return y;
}

describe("versions signed afterwards: a ratification approves the versions before it", () => {
  it("given a year no one signed, when the auditor trusts the head's key, then every version is UNSIGNED_VERSION", () => {
    const text = unsignedYear().text;
    expect(problemsOf(text, { trust })).toEqual([1, 2, 3].map((v) => ["UNSIGNED_VERSION", commitLineOf(text, v)]));
  });

  it("given that year, when the head ratifies it in a signed version, then it verifies against the head's key, and says which versions were ratified in which", () => {
    const y = unsignedYear();
    y.write("roster", [ratify(y, 3)], [head.secretKey]); // 4
    const audit = auditLog(y.text, { trust });
    expect(audit.problems).toEqual([]);
    expect(audit.ratified).toEqual([1, 2, 3].map((version) => ({ version, in: 4 })));
    // Without a trust file nothing was lacking, and the versions are still recorded as ratified.
    expect(auditLog(y.text, { checkSignature })).toMatchObject({ problems: [], ratified: audit.ratified });
  });

  it("given a ratification through version 2 only, then version 3 is still UNSIGNED_VERSION, and a report after the ratification is not covered by it", () => {
    const y = unsignedYear();
    y.write("roster", [ratify(y, 2)], [head.secretKey]); // 4
    y.write("report", [spend(3, 1_000_000)], []); // 5
    const text = y.text;
    expect(problemsOf(text, { trust })).toEqual([
      ["UNSIGNED_VERSION", commitLineOf(text, 3)],
      ["UNSIGNED_VERSION", commitLineOf(text, 5)],
    ]);
    expect(auditLog(text, { trust }).ratified).toEqual([1, 2].map((version) => ({ version, in: 4 })));
  });

  it("given a ratification signed by a key the auditor does not trust, then it ratifies nothing: it and every version before it fail", () => {
    const y = unsignedYear();
    y.write("roster", [ratify(y, 3)], [officer.secretKey]); // 4
    const text = y.text;
    expect(problemsOf(text, { trust })).toEqual([
      ["UNSIGNED_VERSION", commitLineOf(text, 1)],
      ["UNSIGNED_VERSION", commitLineOf(text, 2)],
      ["UNSIGNED_VERSION", commitLineOf(text, 3)],
      ["UNTRUSTED_KEY", commitLineOf(text, 4)],
    ]);
  });

  it("given a ratification naming a head version 3 does not have (another log's, or a changed one), then it is RATIFICATION_MISMATCH on its line and ratifies nothing", () => {
    const y = unsignedYear();
    const other = unsignedYear();
    other.write("report", [spend(3, 9_000_000)], []);
    y.write("roster", [ratify(y, 3, other.versions[3]!.head)], [head.secretKey]); // 4
    const text = y.text;
    const problems = problemsOf(text, { trust });
    expect(problems).toContainEqual(["RATIFICATION_MISMATCH", commitLineOf(text, 4) - 1]);
    expect(problems.filter(([code]) => code === "UNSIGNED_VERSION")).toHaveLength(3);
    expect(auditLog(text, { checkSignature }).problems.map((p) => p.code)).toEqual(["RATIFICATION_MISMATCH"]);
  });

  it("given a ratification of versions that do not come before it, then it is RATIFICATION_MISMATCH", () => {
    const y = unsignedYear();
    y.write("roster", [{ type: "ratifyVersions", data: { through: 4, head: y.versions[2]!.head } }], [head.secretKey]); // 4
    expect(auditLog(y.text, { checkSignature }).problems.map((p) => p.code)).toEqual(["RATIFICATION_MISMATCH"]);
  });

  it("given versions written before the roster, when the head founds it and ratifies them in the same version, then the year verifies pinned to the head", () => {
    const y = unsignedYear();
    y.write("roster", [{ type: "addMember", data: KEPALA }, ratify(y, 3)], [head.secretKey]); // 4: founds the roster
    y.write("roster", [{ type: "addMember", data: SITI }], [head.secretKey], { by: "kepala" }); // 5
    expect(auditLog(y.text, { trust }).problems).toEqual([]);
    expect(auditLog(y.text, { checkSignature, root: head.publicKey }).problems).toEqual([]);
    expect(auditLog(y.text, { trust }).ratified).toEqual([1, 2, 3].map((version) => ({ version, in: 4 })));
  });

  it("given a Revisi POK the officer put in force alone (POLICY_NOT_MET), when the head ratifies it, then it is in force as approved; an officer's ratification approves nothing", () => {
    const rostered = () => {
      const y = new Year();
      y.write("draft", [...SEED_DRAFT, { type: "addMember", data: KEPALA }, { type: "addMember", data: SITI }] as PlanCommand[], [head.secretKey]); // 1
      y.write("pok", [{ type: "reviseBudget", data: { line: LINE_A, pagu: 120_736_000 } }], [officer.secretKey]); // 2
      return y;
    };
    const alone = rostered();
    expect(problemsOf(alone.text, { checkSignature })).toEqual([["POLICY_NOT_MET", commitLineOf(alone.text, 2)]]);

    const byHead = rostered();
    byHead.write("roster", [ratify(byHead, 2)], [head.secretKey], { by: "kepala" }); // 3
    expect(auditLog(byHead.text, { checkSignature }).problems).toEqual([]);
    expect(auditLog(byHead.text, { checkSignature }).ratified).toEqual([{ version: 1, in: 3 }, { version: 2, in: 3 }]);

    const byOfficer = rostered();
    // rapk refuses to write it (an officer takes no roster step); a forger writes it anyway.
    byOfficer.write("roster", [ratify(byOfficer, 2)], [officer.secretKey]); // 3
    expect(problemsOf(byOfficer.text, { checkSignature })).toEqual([
      ["POLICY_NOT_MET", commitLineOf(byOfficer.text, 2)],
      ["POLICY_NOT_MET", commitLineOf(byOfficer.text, 3)],
    ]);
    expect(auditLog(byOfficer.text, { checkSignature }).ratified).toBeUndefined();
  });

  it("given a signature that does not hold (moved from another version), when the head has ratified the versions before, then it is still BAD_SIGNATURE: a ratification approves, it does not mend a forgery", () => {
    const y = new Year();
    y.write("draft", SEED_DRAFT as PlanCommand[], [head.secretKey]); // 1
    y.write("report", [spend(1, 10_000_000)], [head.secretKey]); // 2
    y.write("roster", [ratify(y, 2)], [head.secretKey]); // 3
    expect(auditLog(y.text, { trust }).problems).toEqual([]);
    // A signature is not part of the chain, so version 3's still holds after version 2's is swapped.
    const moved = y.versions.map((v, i) => (i === 1 ? { ...v, commit: { ...v.commit!, signatures: y.versions[0]!.commit!.signatures } } : v)) as CommittedVersion[];
    const text = serializeVersions(moved);
    expect(problemsOf(text, { trust })).toEqual([["BAD_SIGNATURE", commitLineOf(text, 2)]]);
    expect(problemsOf(text, { checkSignature })).toEqual([["BAD_SIGNATURE", commitLineOf(text, 2)]]);
  });
});
