import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type CommittedVersion,
  appendRevision,
  auditLog,
  canonicalJson,
  hashCommit,
  hashEvent,
  parseLog,
  serializeVersions,
  sha256Hex,
  verifyLog,
} from "../src/index.js";
import { checkSignature, generateSigningKey, trusting } from "../src/signing.js";
import { meta } from "./support/plan.js";
import { storyV2, storyV2Text } from "./support/v2.js";

const text = storyV2Text();
const lines = text.trimEnd().split("\n");
const versions = storyV2();
const commitLines = lines.flatMap((line, i) => (JSON.parse(line).commit === undefined ? [] : [i + 1]));
const join = (list: readonly string[]) => `${list.join("\n")}\n`;

/** Renumbers and rewrites every hash after an edit, as a forger who knows the format but has no key would. */
function rehash(list: readonly string[]): string[] {
  let prev = "0".repeat(64);
  let seq = 0;
  return list.map((line) => {
    const record = JSON.parse(line);
    record.prev = prev;
    if (record.commit === undefined) record.seq = ++seq;
    const { hash: _h, signature, ...rest } = record;
    const hash = record.commit === undefined ? sha256Hex(canonicalJson(rest)) : hashCommit(rest);
    prev = hash;
    return JSON.stringify(signature ? { ...rest, hash, signature } : { ...rest, hash });
  });
}

describe("log format v2", () => {
  it("given a v2 log, then every line is tagged, each version ends with a commit record counting its events, and it verifies", () => {
    expect(lines.every((line) => line.startsWith('{"format":"rapk/2",'))).toBe(true);
    expect(commitLines).toHaveLength(5);
    for (const [i, at] of commitLines.entries()) {
      const commit = JSON.parse(lines[at - 1] as string);
      expect(commit.commit).toBe(i + 1);
      expect(commit.events).toBe(versions[i]?.events.length);
      expect(commit.hash).toBe(versions[i]?.head);
    }
    // Events carry no metadata: the commit record does.
    expect(lines.some((line) => !JSON.parse(line).commit && "metadata" in JSON.parse(line))).toBe(false);
    const audit = auditLog(text);
    expect(audit).toEqual({ ok: true, events: versions.reduce((n, v) => n + v.events.length, 0), versions: 5, head: versions[4]?.head, problems: [] });
  });

  it("given a v2 log, then parseLog gives every event its version's metadata, recorded and effective times included", () => {
    const parsed = parseLog(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.tail).toBeUndefined();
    expect(parsed.value.versions.map((v) => v.head)).toEqual(versions.map((v) => v.head));
    const pok = parsed.value.events.find((e) => e.version === 3);
    expect(pok?.metadata).toEqual({ actor: "Tim Perencanaan", reason: "Revisi POK: more food samples", reference: "ND pok/2024", effectiveAt: "2024-05-20T10:00:00+07:00", recordedAt: "2024-05-21T03:00:00.000Z", kind: "pok" });
  });

  it("given a log cut inside a version, then verify fails naming the version without commit record, and readers see the versions before it", () => {
    const cut = join(lines.slice(0, (commitLines[3] as number) - 2));
    const result = verifyLog(cut);
    expect(result).toMatchObject({ ok: false, error: { code: "UNCOMMITTED_VERSION", line: (commitLines[2] as number) + 1 } });
    if (!result.ok) expect(result.error.message).toContain("version 4");
    const parsed = parseLog(cut);
    expect(parsed.ok && parsed.value.versions.length).toBe(3);
    expect(parsed.ok && parsed.value.tail).toEqual({ firstLine: (commitLines[2] as number) + 1, lastLine: (commitLines[3] as number) - 2, events: 2, version: 4, torn: false });
  });

  it("given a log whose last commit record alone is missing, then verify fails too", () => {
    expect(verifyLog(join(lines.slice(0, -1)))).toMatchObject({ ok: false, error: { code: "UNCOMMITTED_VERSION" } });
  });

  it("given a last line cut short by a write that did not finish, then verify names it TORN_LINE and readers leave it out", () => {
    const torn = `${lines.slice(0, -1).join("\n")}\n${(lines.at(-1) as string).slice(0, 40)}`;
    expect(verifyLog(torn)).toMatchObject({ ok: false, error: { code: "TORN_LINE", line: lines.length } });
    const parsed = parseLog(torn);
    expect(parsed.ok && parsed.value.versions.length).toBe(4);
    expect(parsed.ok && parsed.value.tail?.torn).toBe(true);
  });

  it("given a log cut after a whole version, then it verifies alone but fails against the head kept elsewhere", () => {
    const cut = join(lines.slice(0, commitLines[3] as number));
    expect(verifyLog(cut)).toMatchObject({ ok: true, value: { versions: 4 } });
    const result = verifyLog(cut, { expectHead: versions[4]?.head as string });
    expect(result).toMatchObject({ ok: false, error: { code: "HEAD_MISMATCH" } });
    if (!result.ok) expect(result.error.message).toContain("no version of this log has");
    // A log that grew past the head kept: which version that head was is named.
    const grown = verifyLog(text, { expectHead: versions[3]?.head as string });
    expect(grown).toMatchObject({ ok: false, error: { code: "HEAD_MISMATCH" } });
    if (!grown.ok) expect(grown.error.message).toContain("version 4's");
    expect(verifyLog(text, { expectHead: versions[4]?.head as string }).ok).toBe(true);
  });

  it("given events cut out and the count and hashes recomputed, then only the head kept elsewhere tells", () => {
    const at = (commitLines[1] as number) + 1;
    const edited = lines.filter((_, i) => i + 1 !== at).map((line) => {
      const record = JSON.parse(line);
      if (record.commit === 3) record.events -= 1;
      return JSON.stringify(record);
    });
    // The count not fixed: the commit record tells.
    expect(verifyLog(join(rehash(lines.filter((_, i) => i + 1 !== at))))).toMatchObject({ ok: false, error: { code: "COMMIT_COUNT_MISMATCH" } });
    const forged = join(rehash(edited));
    expect(verifyLog(forged).ok).toBe(true);
    expect(verifyLog(forged, { expectHead: versions[4]?.head as string })).toMatchObject({ ok: false, error: { code: "HEAD_MISMATCH" } });
  });

  it("given signed versions, then verify --trust passes with the signer's key and fails naming the version otherwise", () => {
    const signer = generateSigningKey();
    const other = generateSigningKey();
    const signed = storyV2Text(signer.secretKey);
    const trust = trusting([{ name: "Kepala Loka POM", publicKey: signer.publicKey }]);
    expect(auditLog(signed, { trust }).ok).toBe(true);
    const untrusted = auditLog(signed, { trust: trusting([{ name: "someone else", publicKey: other.publicKey }]) });
    expect(untrusted.problems.map((p) => p.code)).toEqual(Array(5).fill("UNTRUSTED_KEY"));
    expect(untrusted.problems[0]?.message).toContain("version 1");
    const unsigned = auditLog(text, { trust });
    expect(unsigned.problems.map((p) => [p.code, p.line])).toEqual(commitLines.map((line) => ["UNSIGNED_VERSION", line]));
  });

  it("given a signed log edited and every hash recomputed without the key, then verify --trust fails with BAD_SIGNATURE on the version", () => {
    const signer = generateSigningKey();
    const signedLines = storyV2Text(signer.secretKey).trimEnd().split("\n");
    const trust = trusting([{ name: "Kepala Loka POM", publicKey: signer.publicKey }]);
    // Raise the ceiling and rename every actor, as the script in issue 11 did.
    const edited = signedLines.map((line) => {
      const record = JSON.parse(line);
      if (record.type === "PlanDrafted") record.data.ceiling += 1_000_000_000;
      if (record.commit) record.metadata.actor = "someone else";
      return JSON.stringify(record);
    });
    const forged = join(rehash(edited));
    // Every signature is checked, trusted keys or not: plain verify fails on each version too.
    expect(auditLog(forged, { checkSignature }).problems.map((p) => [p.code, p.line])).toEqual(commitLines.map((line) => ["BAD_SIGNATURE", line]));
    // A reader given no Ed25519 check never takes a signature as good.
    expect(verifyLog(forged)).toMatchObject({ ok: false, error: { code: "SIGNATURE_UNCHECKED", line: commitLines[0] } });
    const audit = auditLog(forged, { trust });
    expect(audit.ok).toBe(false);
    expect(audit.problems.map((p) => p.code)).toEqual(Array(5).fill("BAD_SIGNATURE"));
    expect(audit.problems[0]?.message).toContain("version 1");
    // Re-signing with the forger's own key does not help: that key is not trusted.
    const forger = generateSigningKey();
    const resigned = storyV2(forger.secretKey);
    expect(auditLog(serializeVersions(resigned), { trust }).problems[0]?.code).toBe("UNTRUSTED_KEY");
  });

  it("given an unknown format tag, or an untagged line after a v2 line, then the line is named", () => {
    const unknown = lines.map((line, i) => (i === 2 ? line.replace('"rapk/2"', '"rapk/9"') : line));
    expect(verifyLog(join(unknown))).toMatchObject({ ok: false, error: { code: "FORMAT_UNKNOWN", line: 3 } });
    const untagged = lines.map((line, i) => (i === 2 ? line.replace('{"format":"rapk/2",', "{") : line));
    expect(verifyLog(join(untagged))).toMatchObject({ ok: false, error: { code: "FORMAT_MIXED", line: 3 } });
  });

  it("given an event line carrying metadata, or a commit record with an unknown field, then it is not canonical", () => {
    const withMeta = lines.map((line, i) => (i === 0 ? line.replace(',"prev"', ',"metadata":{},"prev"') : line));
    const firstType = (JSON.parse(lines[0] as string) as { type: string }).type;
    expect(verifyLog(join(withMeta))).toMatchObject({ ok: false, error: { code: "NOT_CANONICAL", line: 1, message: `metadata is unknown (not a field of ${firstType})` } });
    const dataExtra = lines.map((line, i) => (i === 0 ? line.replace('"data":{', '"data":{"colour":"red",') : line));
    expect(verifyLog(join(dataExtra))).toMatchObject({ ok: false, error: { code: "NOT_CANONICAL", line: 1, message: `data.colour is unknown (not a field of ${firstType})` } });
    const at = commitLines[0] as number;
    const extra = lines.map((line, i) => (i + 1 === at ? line.replace(',"prev"', ',"note":"x","prev"') : line));
    expect(verifyLog(join(extra))).toMatchObject({ ok: false, error: { code: "NOT_CANONICAL", line: at } });
  });

  it("given a commit record whose metadata lacks who or when, then it is refused naming the field", () => {
    const at = commitLines[0] as number;
    const noActor = lines.map((line, i) => (i + 1 === at ? JSON.stringify({ ...JSON.parse(line), metadata: { ...JSON.parse(line).metadata, actor: undefined } }) : line));
    const result = verifyLog(join(noActor));
    expect(result).toMatchObject({ ok: false, error: { code: "COMMIT_INVALID", line: at } });
    if (!result.ok) expect(result.error.message).toContain("metadata.actor");
  });

  it("given a version's event hashes, then each is the sha256 of the line without hash, so another tool can recompute it", () => {
    const first = JSON.parse(lines[0] as string);
    const { hash, ...rest } = first;
    expect(hash).toBe(sha256Hex(canonicalJson(rest)));
    expect(hashEvent({ ...rest, metadata: undefined })).toBe(hash);
  });
});

describe("log format v1 (written before v2): the fixture of today's examples", () => {
  const v1 = readFileSync(new URL("./fixtures/v1-loka-pom-rejang-lebong-2024-history.ndjson", import.meta.url), "utf8");

  it("verifies and reads, each version committed", () => {
    const result = verifyLog(v1);
    expect(result).toMatchObject({ ok: true, value: { events: 478, versions: 9 } });
    const parsed = parseLog(v1);
    expect(parsed.ok && parsed.value.versions.length).toBe(9);
    expect(parsed.ok && parsed.value.versions[8]?.metadata).toMatchObject({ recordedAt: "2024-07-05T10:00:00+07:00", effectiveAt: "2024-07-05T10:00:00+07:00", kind: "report" });
    expect(result.ok && result.value.lastHash).toBe(JSON.parse(v1.trimEnd().split("\n").at(-1) as string).hash);
  });

  it("takes an append: v3 lines after the v1 lines, chained to the last v1 hash, and the whole verifies", () => {
    const parsed = parseLog(v1);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const appended = appendRevision(parsed.value.events, {
      meta: meta("report", "2024-08-05T10:00:00+07:00", "July report"),
      commands: [{ type: "reportSpending", data: { line: "WA.6384.EBA.994.001.A", month: 7, amount: 1_000_000 } }],
    });
    if (!appended.ok) throw new Error(appended.error.message);
    const next = serializeVersions([appended.sealed as CommittedVersion]);
    expect(next.startsWith('{"format":"rapk/3","seq":479,"version":10,')).toBe(true);
    expect(appended.sealed.events[0]?.prev).toBe(JSON.parse(v1.trimEnd().split("\n").at(-1) as string).hash);
    const whole = verifyLog(v1 + next);
    expect(whole).toMatchObject({ ok: true, value: { events: 479, versions: 10, lastHash: appended.sealed.head } });
    // Signatures need commit records: v1 versions are named unsigned.
    const audit = auditLog(v1 + next, { trust: trusting([]) });
    expect(audit.problems.filter((p) => p.code === "UNSIGNED_VERSION")).toHaveLength(10);
  });
});
