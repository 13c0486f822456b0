import { createHash } from "node:crypto";
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appendRevision, headAfter, parseLog, serializeVersion } from "@rapk/history";
import { signVersion } from "@rapk/history/signing";
import { SEED, rapk, tempFolder, writeJson } from "./helpers.js";

/**
 * A year kept the way a unit keeps it (docs/workflow.md), through the command line: the head
 * imports and signs the plan and adds an officer; the officer proposes each month's report, the
 * head approves it or returns it with a reason; a Revisi POK proposed by the officer is approved by
 * the head. Then the forgeries an auditor must catch, built beside the commands.
 */

const LINE = "DR.3165.QIA.005.053.A"; // the seed's first budget line (line 16 of the source)
const at = (day: string) => `2024-${day}T09:00:00+07:00`;
const report = (month: number, amount: number, day: string) => ({
  meta: { actor: "Siti Rahma", reason: `laporan bulan ${month}`, kind: "report", effectiveAt: at(day) },
  commands: [{ type: "reportSpending", data: { line: LINE, month, amount } }],
});
// Line DR.3165.QIA.005.053.A gives Rp100.588.800 to indicators (source line 16): its pagu may go up to 101 million.
const POK = { meta: { actor: "Siti Rahma", reason: "Revisi POK I", kind: "pok", reference: "ND-12/2024", effectiveAt: at("04-01") }, commands: [{ type: "reviseBudget", data: { line: LINE, pagu: 101_000_000 } }] };

interface Keys {
  readonly publicKey: string;
  readonly secretKey: string;
}

async function ok(folder: string, ...argv: string[]): Promise<string> {
  const run = await rapk(folder, ...argv);
  expect({ argv, code: run.code, stderr: run.stderr }).toEqual({ argv, code: 0, stderr: "" });
  return run.stdout;
}

/** The year: ten versions, each step taken by the member whose key signs it. */
async function year(): Promise<{ folder: string; key: (who: string) => Keys }> {
  const folder = tempFolder();
  for (const [who, name] of [["kepala", "Kepala Loka POM di Kabupaten Rejang Lebong"], ["siti", "Siti Rahma"], ["bendahara", "Bendahara Pengeluaran"], ["luar", "Orang Luar"]])
    await ok(folder, "keygen", "--name", name!, "--out", `${who}.key`);
  const key = (who: string) => JSON.parse(readFileSync(join(folder, `${who}.key`), "utf8")) as Keys;
  await ok(folder, "import", SEED, "--out", "plan.ndjson", "--sign", "kepala.key", "--head", "kepala"); // 1
  writeJson(folder, "roster.json", {
    meta: { actor: "Kepala", reason: "tim perencanaan", kind: "roster", effectiveAt: at("02-23") },
    commands: [
      { type: "addMember", data: { member: "siti", name: "Siti Rahma", role: "officer", publicKey: key("siti").publicKey } },
      { type: "addMember", data: { member: "bendahara", name: "Bendahara Pengeluaran", role: "officer", publicKey: key("bendahara").publicKey } },
    ],
  });
  await ok(folder, "apply", "plan.ndjson", "roster.json", "--sign", "kepala.key"); // 2
  writeJson(folder, "jan.json", report(1, 12_500_000, "02-26"));
  await ok(folder, "propose", "plan.ndjson", "jan.json", "--sign", "siti.key"); // 3: proposal 1
  await ok(folder, "approve", "plan.ndjson", "1", "--sign", "kepala.key", "--at", at("02-27")); // 4
  writeJson(folder, "feb.json", report(2, 9_000_000, "03-04"));
  await ok(folder, "propose", "plan.ndjson", "feb.json", "--sign", "siti.key"); // 5: proposal 2
  await ok(folder, "return", "plan.ndjson", "2", "--reason", "lampirkan bukti pembayaran", "--sign", "kepala.key", "--at", at("03-05")); // 6
  writeJson(folder, "feb2.json", report(2, 9_500_000, "03-06"));
  await ok(folder, "propose", "plan.ndjson", "feb2.json", "--sign", "siti.key"); // 7: proposal 3
  await ok(folder, "approve", "plan.ndjson", "3", "--sign", "kepala.key", "--at", at("03-07")); // 8
  writeJson(folder, "pok.json", POK);
  await ok(folder, "propose", "plan.ndjson", "pok.json", "--sign", "siti.key"); // 9: proposal 4
  await ok(folder, "approve", "plan.ndjson", "4", "--sign", "kepala.key", "--at", at("04-02")); // 10
  writeJson(folder, "keys.json", [{ name: "Kepala", publicKey: key("kepala").publicKey, role: "head" }]);
  return { folder, key };
}

describe("a year of reports, returns and approvals through the command line", () => {
  it("verifies against the trust file and the pinned root, and log says who prepared and who approved every version", async () => {
    const { folder, key } = await year();
    expect(await ok(folder, "verify", "plan.ndjson", "--trust", "keys.json")).toMatch(/^ok: .*, 10 versions, .*every version signed as the policy requires/);
    expect(await ok(folder, "verify", "plan.ndjson", "--root", key("kepala").publicKey)).toMatch(/the roster rooted in ed25519:/);
    const versions = JSON.parse(await ok(folder, "log", "plan.ndjson", "--json")) as { number: number; signers: { member: string; role: string }[]; policy: string; summary: string }[];
    expect(versions.map((v) => [v.number, v.signers.map((s) => `${s.member}:${s.role}`).join(","), v.policy])).toEqual([
      [1, "kepala:head", "met"], [2, "kepala:head", "met"], [3, "siti:officer", "met"], [4, "kepala:head", "met"], [5, "siti:officer", "met"],
      [6, "kepala:head", "met"], [7, "siti:officer", "met"], [8, "kepala:head", "met"], [9, "siti:officer", "met"], [10, "kepala:head", "met"],
    ]);
    expect(versions[2]!.summary).toBe("proposal 1 (report) by siti, 1 command, waiting for approval");
    expect(versions[3]!.summary).toBe("kepala approves proposal 1 (report, proposed by siti): 1 spending report");
    expect(versions[5]!.summary).toBe("kepala returns proposal 2 (report, proposed by siti): lampirkan bukti pembayaran");
    const text = await ok(folder, "log", "plan.ndjson");
    expect(text).toMatch(/Siti Rahma \(officer, ed25519:[0-9a-f]{16}\)/);
    expect(text).toMatch(/Kepala Loka POM di Kabupaten Rejang Lebong \(head, ed25519:[0-9a-f]{16}\)/);
  });

  it("puts in force only what was approved: January's 12.5 million and February's corrected 9.5 million, never the returned 9 million", async () => {
    const { folder } = await year();
    const state = JSON.parse(await ok(folder, "show", "plan.ndjson", "--json")) as { lines: { id: string; pagu: number; spending: { month: number; amount: number }[] }[] };
    const line = state.lines.find((l) => l.id === LINE);
    expect(line?.spending).toEqual([{ month: 1, amount: 12_500_000 }, { month: 2, amount: 9_500_000 }]);
    expect(line?.pagu).toBe(101_000_000);
    const listed = JSON.parse(await ok(folder, "pending", "plan.ndjson", "--all", "--json")) as { proposals: { proposal: number; status: string; decidedIn?: number; returnReason?: string }[] };
    expect(listed.proposals.map((p) => [p.proposal, p.status, p.decidedIn])).toEqual([[1, "approved", 4], [2, "returned", 6], [3, "approved", 8], [4, "approved", 10]]);
    expect(listed.proposals[1]!.returnReason).toBe("lampirkan bukti pembayaran");
    expect(await ok(folder, "pending", "plan.ndjson")).toBe("(no proposal is waiting for approval)\n");
  });

  it("refuses, writing nothing, a step the roster or the policy does not allow", async () => {
    const { folder } = await year();
    const before = readFileSync(join(folder, "plan.ndjson"));
    writeJson(folder, "mar.json", report(3, 1_000_000, "04-03"));
    writeJson(folder, "pok2.json", { ...POK, meta: { ...POK.meta, effectiveAt: at("04-03") } });
    const refusals: [string[], string][] = [
      [["apply", "plan.ndjson", "pok2.json", "--sign", "siti.key"], "ROLE_NOT_ALLOWED"], // an officer puts a POK in force herself
      [["apply", "plan.ndjson", "mar.json", "--sign", "luar.key"], "UNKNOWN_SIGNER"], // a key no member holds
      [["apply", "plan.ndjson", "mar.json"], "MEMBER_REQUIRED"], // unsigned, on a plan with a roster
      [["propose", "plan.ndjson", "mar.json", "--sign", "siti.key", "--expect-version", "10"], ""],
      [["approve", "plan.ndjson", "5", "--sign", "siti.key", "--at", at("04-04")], "ROLE_NOT_ALLOWED"], // the proposer approves her own
      [["withdraw", "plan.ndjson", "5", "--sign", "bendahara.key", "--at", at("04-04")], "ROLE_NOT_ALLOWED"], // someone else's proposal
      [["approve", "plan.ndjson", "2", "--sign", "kepala.key", "--at", at("04-04")], "PROPOSAL_NOT_PENDING"], // returned already
      [["return", "plan.ndjson", "5", "--sign", "kepala.key"], "return needs --reason"],
    ];
    for (const [argv, code] of refusals) {
      const run = await rapk(folder, ...argv);
      if (code === "") {
        expect(run.code).toBe(0); // proposal 5, for the steps after
        continue;
      }
      expect({ argv, code: run.code, said: run.stderr.includes(code) }).toEqual({ argv, code: argv[0] === "return" ? 1 : 2, said: true });
      expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    }
    // Only the one accepted proposal was written.
    const after = readFileSync(join(folder, "plan.ndjson"), "utf8");
    expect(after.startsWith(before.toString("utf8"))).toBe(true);
    expect(after.slice(before.length).trimEnd().split("\n")).toHaveLength(2);
  });
});

/** Appends a version to the log behind the CLI's back, as a forger with the history library would, signed by the given keys. */
function forge(folder: string, revision: object, secretKeys: readonly string[]): void {
  const file = join(folder, "plan.ndjson");
  const parsed = parseLog(readFileSync(file, "utf8"));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const last = parsed.value.versions.at(-1)!;
  const appended = appendRevision(parsed.value.events, revision as never, { head: headAfter(last), now: () => at("04-10") });
  if (!appended.ok) throw new Error(`${appended.error.code}: ${appended.error.message}`);
  appendFileSync(file, serializeVersion(secretKeys.reduce((v, k) => signVersion(v, k), appended.sealed)));
}

const lineCount = (folder: string) => readFileSync(join(folder, "plan.ndjson"), "utf8").trimEnd().split("\n").length;

describe("forgeries of who did what, caught by plain verify and by every reader", () => {
  it("a Revisi POK put in force with the treasurer's key (trusted as an officer): POLICY_NOT_MET on its commit line, and show refuses the log", async () => {
    const { folder, key } = await year();
    forge(folder, { meta: { ...POK.meta, effectiveAt: at("04-10"), actor: "Kepala Loka POM (KPA)" }, commands: [{ type: "reviseBudget", data: { line: LINE, pagu: 100_600_000 } }] }, [key("bendahara").secretKey]);
    const verified = await rapk(folder, "verify", "plan.ndjson");
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain(`plan.ndjson:${lineCount(folder)}: POLICY_NOT_MET: version 11 (pok) is in force only when approved by head, but is signed by bendahara (officer)`);
    const shown = await rapk(folder, "show", "plan.ndjson");
    expect(shown.code).toBe(1);
    expect(shown.stderr).toContain("POLICY_NOT_MET");
    const marked = await rapk(folder, "show", "plan.ndjson", "--unverified");
    expect(marked.code).toBe(0);
    expect(marked.stdout).toMatch(/^NOT VERIFIED \(TIDAK TERVERIFIKASI\): line \d+: POLICY_NOT_MET/);
  });

  it("the whole log written again and signed by a key that is not the root: the pinned root and the trust file catch it, whatever the roster says", async () => {
    const { folder, key } = await year();
    // The forger keeps the head's member id but founds the roster with their own key.
    await ok(folder, "import", SEED, "--out", "forged.ndjson", "--sign", "luar.key", "--head", "kepala");
    expect((await rapk(folder, "verify", "forged.ndjson")).code).toBe(0); // self-consistent: nothing outside it is pinned
    const pinned = await rapk(folder, "verify", "forged.ndjson", "--root", key("kepala").publicKey);
    expect(pinned.code).toBe(1);
    expect(pinned.stderr).toMatch(/forged\.ndjson:\d+: ROOT_NOT_TRUSTED: version 1 starts the roster but is signed by ed25519:[0-9a-f]{16}, not by a root key of --root/);
    const trusted = await rapk(folder, "verify", "forged.ndjson", "--trust", "keys.json");
    expect(trusted.code).toBe(1);
    expect(trusted.stderr).toMatch(/ROOT_NOT_TRUSTED: version 1 starts the roster but is signed by ed25519:[0-9a-f]{16}, not by a root key of the trust file/);
  });

  it("a signature moved from one version to another: BAD_SIGNATURE in plain verify, and no reader shows the log", async () => {
    const { folder } = await year();
    const file = join(folder, "plan.ndjson");
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    const commits = lines.map((line, i) => [line, i] as const).filter(([line]) => line.includes('"commit":'));
    const signatureOf = (line: string) => /"signatures":(\[[^\]]*\])/.exec(line)![1]!;
    const [fourth, i4] = commits[3]!;
    const [second] = commits[1]!;
    lines[i4] = fourth.replace(signatureOf(fourth), signatureOf(second));
    writeFileSync(file, `${lines.join("\n")}\n`);
    const verified = await rapk(folder, "verify", "plan.ndjson");
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain(`plan.ndjson:${i4 + 1}: BAD_SIGNATURE`);
    for (const command of ["show", "log", "pending", "report"]) expect((await rapk(folder, command, "plan.ndjson", ...(command === "report" ? ["--month", "1"] : []))).code).toBe(1);
  });
});

describe("evidence behind a report: kept by its SHA-256 beside the log, checked by verify, given back whole", () => {
  it("given January's report proposed with a receipt, when approved, then verify checks the file, and a changed or missing file is named on the event citing it", async () => {
    const { folder } = await year();
    const receipt = new Uint8Array(50_000).map((_, i) => (i * 7) % 251);
    writeFileSync(join(folder, "kwitansi-april.pdf"), receipt);
    writeJson(folder, "apr.json", report(4, 3_000_000, "05-06"));
    await ok(folder, "propose", "plan.ndjson", "apr.json", "--evidence", "kwitansi-april.pdf", "--sign", "siti.key");
    await ok(folder, "approve", "plan.ndjson", "5", "--sign", "kepala.key", "--at", at("05-07"));
    const digest = createHash("sha256").update(receipt).digest("hex");
    expect(readFileSync(join(folder, "plan.evidence", digest))).toEqual(Buffer.from(receipt));
    expect(await ok(folder, "verify", "plan.ndjson")).toMatch(/^ok: /);
    expect(await ok(folder, "evidence", "plan.ndjson")).toContain(`${digest}  50000 bytes  application/pdf  kwitansi-april.pdf`);
    await ok(folder, "evidence", "plan.ndjson", digest, "--out", "copy.pdf");
    expect(readFileSync(join(folder, "copy.pdf"))).toEqual(Buffer.from(receipt));
    // The approved report's event cites it: the line holding the spending report of April.
    const lines = readFileSync(join(folder, "plan.ndjson"), "utf8").trimEnd().split("\n");
    const citing = lines.findIndex((line) => line.includes('"type":"SpendingReported"') && line.includes(digest)) + 1;
    writeFileSync(join(folder, "plan.evidence", digest), Buffer.from("another file"));
    const changed = await rapk(folder, "verify", "plan.ndjson");
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain(`plan.ndjson:${citing}: EVIDENCE_CHANGED`);
    expect((await rapk(folder, "evidence", "plan.ndjson", digest, "--out", "again.pdf")).code).toBe(1);
    rmSync(join(folder, "plan.evidence", digest));
    const missing = await rapk(folder, "verify", "plan.ndjson");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`plan.ndjson:${citing}: EVIDENCE_MISSING`);
  });

  it("refuses a file over 20 MB, and evidence on a revision that reports nothing, writing nothing", async () => {
    const { folder } = await year();
    const before = readFileSync(join(folder, "plan.ndjson"));
    writeFileSync(join(folder, "huge.pdf"), new Uint8Array(20 * 1024 * 1024 + 1));
    writeJson(folder, "apr.json", report(4, 3_000_000, "05-06"));
    const huge = await rapk(folder, "propose", "plan.ndjson", "apr.json", "--evidence", "huge.pdf", "--sign", "siti.key");
    expect(huge.code).toBe(1);
    expect(huge.stderr).toMatch(/huge\.pdf: is 20971521 bytes; an evidence file \(20 MB at most\) may be at most 20971520 bytes/);
    writeFileSync(join(folder, "nota.pdf"), "nota dinas");
    writeJson(folder, "pok2.json", { ...POK, meta: { ...POK.meta, effectiveAt: at("05-06") } });
    const pok = await rapk(folder, "propose", "plan.ndjson", "pok2.json", "--evidence", "nota.pdf", "--sign", "siti.key");
    expect(pok.code).toBe(1);
    expect(pok.stderr).toContain("--evidence goes with a report");
    expect(readFileSync(join(folder, "plan.ndjson"))).toEqual(before);
    expect(existsSync(join(folder, "plan.evidence"))).toBe(false);
  });
});
