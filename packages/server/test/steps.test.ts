import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@rapk/history";
import { checkSignature, signHead } from "@rapk/history/signing";
import { rosterOf } from "../src/index.js";
import { Client, PLAN_C, type Person, type Served, memberIdOf, person, rosteredLog, serveFolder } from "./support/fixture.js";

/**
 * A step taken through the server as the workbench takes it: prepared by the server (decided,
 * sealed), signed in the browser by the member's own key, appended with that signature. The
 * server holds no key; what it wrote verifies without it.
 */
const members = { head: person("Kepala Loka"), officer: person("Siti Rahma"), verifier: person("Verifikator"), auditor: person("Auditor") };
const outsider = person("Orang Luar");
const LINE = "DR.3165.QIA.005.053.A"; // the seed's first budget line
// The built command line (pnpm test builds it first), run as an auditor runs it on the server's folder.
const RAPK = fileURLToPath(new URL("../../cli/dist/rapk.js", import.meta.url));
let served: Served;

beforeAll(async () => {
  // The server's clock in July 2024, while the 2024 plan's reports are taken.
  served = await serveFolder({ roster: rosterOf, now: () => Date.parse("2024-07-05T03:00:00Z"), signInLimit: { attempts: 10_000, windowMs: 60_000 } }, { [PLAN_C]: rosteredLog(members) });
});
afterAll(() => served.stop());

async function signedIn(who: Person): Promise<Client> {
  const client = new Client(served.server.url);
  expect((await client.signIn(who)).status).toBe(200);
  return client;
}

interface ProposalRow {
  readonly proposal: number;
  readonly status: string;
  readonly by: string;
  readonly decidedBy?: string;
  readonly returnReason?: string;
}
const proposalsOf = async (client: Client): Promise<ProposalRow[]> => ((await (await client.fetch(`/api/plans/${PLAN_C}/proposals`)).json()) as { proposals: ProposalRow[] }).proposals;
const versionOf = async (client: Client): Promise<number> => ((await (await client.fetch(`/api/plans/${PLAN_C}/versions`)).json()) as { versions: unknown[] }).versions.length;
const logText = () => readFileSync(join(served.folder, `${PLAN_C}.ndjson`), "utf8");

/** Prepares a step on the plan as it is now; the response and its body. */
async function prepare(client: Client, step: Record<string, unknown>): Promise<{ status: number; body: Record<string, any> }> {
  const response = await client.post(`/api/plans/${PLAN_C}/steps`, { expectVersion: await versionOf(client), ...step });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** Signs a prepared step's head with `who`'s key and sends the signature. */
async function commit(client: Client, prepared: Record<string, any>, who: Person): Promise<{ status: number; body: Record<string, any> }> {
  const response = await client.post(`/api/plans/${PLAN_C}/steps/${prepared.draft}`, { signature: signHead(prepared.head, who.key.secretKey).signature });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const june = { step: "propose", kind: "report", reason: "laporan Juni", commands: [{ type: "reportSpending", data: { line: LINE, month: 6, amount: 12_500_000 } }] };

describe("steps through the server: prepared there, signed in the browser", () => {
  it("given the officer proposes June's report and the head approves it, then both land signed by their own keys, and the log verifies pinned to the head without the server", async () => {
    const officer = await signedIn(members.officer);
    const proposed = await prepare(officer, june);
    expect(proposed.status).toBe(200);
    expect(proposed.body.says).toEqual([`proposal 1 (report) by ${memberIdOf("officer")}, 1 command, waiting for approval`]);
    const landed = await commit(officer, proposed.body, members.officer);
    expect(landed.status).toBe(201);
    expect(landed.body.signers).toEqual([expect.objectContaining({ publicKey: members.officer.key.publicKey, name: "Siti Rahma", role: "officer" })]);

    const head = await signedIn(members.head);
    expect(await proposalsOf(head)).toEqual([expect.objectContaining({ proposal: 1, status: "pending", by: memberIdOf("officer") })]);
    const approval = await prepare(head, { step: "approve", proposal: 1 });
    expect(approval.status).toBe(200);
    expect((await commit(head, approval.body, members.head)).status).toBe(201);
    expect(await proposalsOf(head)).toEqual([expect.objectContaining({ status: "approved", decidedBy: memberIdOf("head") })]);

    const audit = auditLog(logText(), { checkSignature, root: members.head.key.publicKey });
    expect(audit.problems).toEqual([]);
  });

  it("given the head returns a proposal with a reason, then the proposal says why, and the officer may propose again", async () => {
    const officer = await signedIn(members.officer);
    const proposed = await prepare(officer, june);
    expect((await commit(officer, proposed.body, members.officer)).status).toBe(201);
    const n = (await proposalsOf(officer))[0]!.proposal;
    const head = await signedIn(members.head);
    const returned = await prepare(head, { step: "return", proposal: n, reason: "lampirkan bukti pembayaran" });
    expect((await commit(head, returned.body, members.head)).status).toBe(201);
    const rows = await proposalsOf(officer);
    expect(rows.find((p) => p.proposal === n)).toMatchObject({ status: "returned", returnReason: "lampirkan bukti pembayaran" });
  });

  it("refuses, with nothing written, what the policy refuses: an officer approving (403), an auditor proposing (403 at the door)", async () => {
    const officer = await signedIn(members.officer);
    const proposed = await prepare(officer, june);
    expect((await commit(officer, proposed.body, members.officer)).status).toBe(201);
    const before = logText();
    const n = (await proposalsOf(officer))[0]!.proposal;
    const approving = await prepare(officer, { step: "approve", proposal: n });
    expect(approving.status).toBe(403);
    expect(approving.body.error).toMatchObject({ code: "ROLE_NOT_ALLOWED", message: expect.stringContaining("nothing was written") });
    const auditor = await signedIn(members.auditor);
    expect((await prepare(auditor, june)).status).toBe(403);
    expect(logText()).toBe(before);
  });

  it("refuses a signature that does not hold: another key's, or one over another head, with nothing written; a draft is used once, and only by its own session", async () => {
    const officer = await signedIn(members.officer);
    const before = logText();
    const byOutsider = await prepare(officer, june);
    expect(await commit(officer, byOutsider.body, outsider)).toMatchObject({ status: 403, body: { error: { code: "BAD_SIGNATURE" } } });
    const otherHead = await prepare(officer, june);
    const wrong = await officer.post(`/api/plans/${PLAN_C}/steps/${otherHead.body.draft}`, { signature: signHead("0".repeat(64), members.officer.key.secretKey).signature });
    expect(wrong.status).toBe(403);
    expect(logText()).toBe(before);
    // The draft was taken by the refused try: it cannot be signed again.
    expect((await commit(officer, otherHead.body, members.officer)).status).toBe(404);
    // Another member's session cannot use the officer's draft, even with the officer's signature.
    const fresh = await prepare(officer, june);
    const verifier = await signedIn(members.verifier);
    expect((await commit(verifier, fresh.body, members.officer)).status).toBe(404);
    expect(logText()).toBe(before);
  });

  it("given two members who prepared on the same version, when one lands first, then the other is a 409 saying so, and nothing of it is written", async () => {
    const officer = await signedIn(members.officer);
    const verifier = await signedIn(members.verifier);
    const first = await prepare(officer, june);
    const second = await prepare(verifier, { ...june, reason: "laporan Juni (verifikator)" });
    expect((await commit(officer, first.body, members.officer)).status).toBe(201);
    const after = logText();
    const stale = await commit(verifier, second.body, members.verifier);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("CONFLICT");
    expect(logText()).toBe(after);
    // A step made on an old version is refused when prepared too.
    const old = await verifier.post(`/api/plans/${PLAN_C}/steps`, { expectVersion: 1, ...june });
    expect(old.status).toBe(409);
  });

  it("refuses a body that is not a step, naming the field, and commands core's schemas refuse, naming the command", async () => {
    const officer = await signedIn(members.officer);
    const version = await versionOf(officer);
    const noKind = await officer.post(`/api/plans/${PLAN_C}/steps`, { step: "propose", expectVersion: version, commands: june.commands });
    expect(noKind.status).toBe(400);
    expect(((await noKind.json()) as { error: { message: string } }).error.message).toMatch(/kind/);
    const badCommand = await prepare(officer, { ...june, commands: [{ type: "reportSpending", data: { line: LINE, month: 13, amount: 1 } }] });
    expect(badCommand.status).toBe(422);
    expect(badCommand.body.error.message).toMatch(/month/);
  });
});

describe("evidence through the server: kept beside the log before the report that cites it, given back checked", () => {
  const pdf = Buffer.from("%PDF-1.4\n% kwitansi Juni\n");
  const upload = (client: Client, name: string, bytes: Uint8Array, type = "application/pdf") =>
    client.fetch(`/api/plans/${PLAN_C}/evidence?name=${encodeURIComponent(name)}`, { method: "POST", body: bytes, headers: { "content-type": type } });

  it("given the officer uploads a receipt and proposes June's report citing it, then the head downloads it byte for byte under its name, before approving", async () => {
    const officer = await signedIn(members.officer);
    const kept = await upload(officer, "kwitansi juni.pdf", pdf);
    expect(kept.status).toBe(201);
    const ref = (await kept.json()) as { name: string; mediaType: string; size: number; sha256: string };
    expect(ref).toEqual({ name: "kwitansi juni.pdf", mediaType: "application/pdf", size: pdf.byteLength, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // Kept, but cited by nothing yet: not given out.
    expect((await officer.fetch(`/api/plans/${PLAN_C}/evidence/${ref.sha256}`)).status).toBe(404);
    const proposed = await prepare(officer, { ...june, commands: [{ type: "reportSpending", data: { line: LINE, month: 6, amount: 12_500_000, evidence: [ref] } }] });
    expect((await commit(officer, proposed.body, members.officer)).status).toBe(201);

    const head = await signedIn(members.head);
    const given = await head.fetch(`/api/plans/${PLAN_C}/evidence/${ref.sha256}`);
    expect(given.status).toBe(200);
    expect(given.headers.get("content-type")).toBe("application/pdf");
    expect(given.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''kwitansi%20juni.pdf");
    expect(Buffer.from(await given.arrayBuffer()).equals(pdf)).toBe(true);
    // The auditor reads it too; the auditor keeps nothing.
    const auditor = await signedIn(members.auditor);
    expect((await auditor.fetch(`/api/plans/${PLAN_C}/evidence/${ref.sha256}`)).status).toBe(200);
    expect((await upload(auditor, "lain.pdf", pdf)).status).toBe(403);

    // A file changed where it is kept is refused, not given out.
    writeFileSync(join(served.folder, `${PLAN_C}.evidence`, ref.sha256), Buffer.concat([pdf, Buffer.from("tampered")]));
    const changed = await head.fetch(`/api/plans/${PLAN_C}/evidence/${ref.sha256}`);
    expect(changed.status).toBe(409);
    expect(((await changed.json()) as { error: { code: string } }).error.code).toBe("EVIDENCE_CHANGED");
  });

  it("refuses a name with folders or control characters, a media type that is none, and a file over 20 MB, keeping nothing", async () => {
    const officer = await signedIn(members.officer);
    for (const name of ["../../etc/passwd", "a/b.pdf", "a\\b.pdf", "bukti\u001b[2J.pdf", ""]) {
      const refused = await upload(officer, name, pdf);
      expect({ name, status: refused.status }).toEqual({ name, status: 400 });
    }
    expect((await upload(officer, "bukti.pdf", pdf, "not a type")).status).toBe(400);
    const tooLarge = await upload(officer, "besar.pdf", new Uint8Array(20 * 1024 * 1024 + 1));
    expect(tooLarge.status).toBe(413);
  });
});

/** A Server-Sent Events stream as a browser's EventSource reads it: each event's name, id and data, as they come. */
async function openEvents(client: Client, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await client.fetch(`/api/plans/${PLAN_C}/events`, { signal: controller.signal, headers });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  const next = async (): Promise<{ event: string; id?: string; data: any }> => {
    for (;;) {
      const end = buffered.indexOf("\n\n");
      if (end >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const fields = Object.fromEntries(block.split("\n").filter((line) => !line.startsWith(":")).map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trimStart()]));
        if (fields.event === undefined) continue;
        return { event: fields.event, ...(fields.id === undefined ? {} : { id: fields.id }), data: JSON.parse(fields.data ?? "null") };
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended");
      buffered += decoder.decode(value, { stream: true });
    }
  };
  return { response, next, close: () => controller.abort() };
}

describe("live updates: every open view hears of a version that lands", () => {
  it("given the head's open stream, when the officer's proposal lands, then the head is told of it at once; reconnecting with Last-Event-ID gives what was missed, once", async () => {
    const head = await signedIn(members.head);
    const stream = await openEvents(head);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const opened = await stream.next();
    expect(opened).toMatchObject({ event: "open", data: { plan: PLAN_C, version: await versionOf(head) } });

    const officer = await signedIn(members.officer);
    const proposed = await prepare(officer, june);
    const landed = await commit(officer, proposed.body, members.officer);
    const told = await stream.next();
    expect(told).toMatchObject({ event: "version", data: { plan: PLAN_C, version: landed.body.version, head: landed.body.head, kind: "report", signers: [{ publicKey: members.officer.key.publicKey }] } });
    stream.close();

    // Away while another version lands: back with the last id seen, it is given, and only it.
    const again = await prepare(officer, { ...june, reason: "laporan Juni (lagi)" });
    const second = await commit(officer, again.body, members.officer);
    const resumed = await openEvents(head, { "last-event-id": told.id as string });
    await resumed.next(); // open
    const missed = await resumed.next();
    expect(missed).toMatchObject({ event: "version", data: { version: second.body.version } });
    expect(Number(missed.id)).toBeGreaterThan(Number(told.id));
    resumed.close();
  });

  it("refuses a stream to one signed out (the authorization matrix has every other caller)", async () => {
    const response = await new Client(served.server.url).fetch(`/api/plans/${PLAN_C}/events`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("SIGNED_OUT");
  });
});

describe("the roster through the server: the head adds a member, signed in the browser", () => {
  it("given the head adds an officer, then the new officer signs in and proposes; an officer adding a member is refused, nothing written", async () => {
    const head = await signedIn(members.head);
    const newcomer = person("Budi Santoso");
    const add = { step: "roster", reason: "perencana baru", commands: [{ type: "addMember", data: { member: "budi", name: "Budi Santoso", role: "officer", publicKey: newcomer.key.publicKey } }] };
    const prepared = await prepare(head, add);
    expect(prepared.status).toBe(200);
    expect(prepared.body.says).toEqual(["adds budi (officer)"]);
    expect((await commit(head, prepared.body, members.head)).status).toBe(201);
    const budi = await signedIn(newcomer);
    const proposed = await prepare(budi, june);
    expect((await commit(budi, proposed.body, newcomer)).status).toBe(201);

    const before = logText();
    const officer = await signedIn(members.officer);
    const byOfficer = await prepare(officer, { ...add, commands: [{ type: "addMember", data: { member: "lain", name: "Lain", role: "head", publicKey: outsider.key.publicKey } }] });
    const refused = byOfficer.status === 200 ? await commit(officer, byOfficer.body, members.officer) : byOfficer;
    expect(refused.status).toBe(403);
    expect(logText()).toBe(before);
  });
});

describe("what the server wrote, checked by rapk verify without the server", () => {
  it("given the head ratifies the imported version through the server, then `rapk verify --trust` with the head's key passes on the server's folder, naming who signed each version", async () => {
    const head = await signedIn(members.head);
    const versions = ((await (await head.fetch(`/api/plans/${PLAN_C}/versions`)).json()) as { versions: { version: number; head: string }[] }).versions;
    const ratify = await prepare(head, { step: "roster", reason: "pengesahan RAPK 2024", commands: [{ type: "ratifyVersions", data: { through: 1, head: versions[0]!.head } }] });
    expect((await commit(head, ratify.body, members.head)).status).toBe(201);
    const trust = join(served.folder, "trust.json");
    writeFileSync(trust, JSON.stringify([{ name: members.head.name, publicKey: members.head.key.publicKey }]));
    const verified = spawnSync(process.execPath, [RAPK, "verify", join(served.folder, `${PLAN_C}.ndjson`), "--trust", trust], { encoding: "utf8" });
    expect({ status: verified.status, stderr: verified.stderr }).toEqual({ status: 0, stderr: "" });
    expect(verified.stdout).toMatch(/every version signed by a trusted key/);
    expect(verified.stdout).toMatch(/^version 1 ratified in version \d+ by Kepala Loka/m);
    expect(verified.stdout).toMatch(/signed by Siti Rahma \(officer, ed25519:[0-9a-f]{16}\)/);
  });
});
