import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type CommitSignature, GENESIS_HASH, appendRevision, auditLog, parseLog, serializeVersions, sha256Hex, verifyLog } from "../src/index.js";
import { checkSignature, generateSigningKey, signHead, signVersion, trusting } from "../src/signing.js";
import { meta } from "./support/plan.js";
import { storyV2Text, storyV3, storyV3Text } from "./support/v2.js";

const text = storyV3Text();
const lines = text.trimEnd().split("\n");
const join = (list: readonly string[]) => `${list.join("\n")}\n`;
const commitLines = lines.flatMap((line, i) => (JSON.parse(line).commit === undefined ? [] : [i + 1]));

/** A forger's rewrite: every line's hash recomputed over its bytes as they now stand, the chain relinked. */
const rehashBytes = (list: readonly string[]) => rehashFrom(list, GENESIS_HASH);

describe("log format v3: hashed over the bytes as written", () => {
  it("given a v3 log, then every line is tagged rapk/3, each hash is the sha256 of the line's bytes before its hash, and it verifies", () => {
    expect(lines.every((line) => line.startsWith('{"format":"rapk/3",'))).toBe(true);
    let prev = GENESIS_HASH;
    for (const line of lines) {
      const record = JSON.parse(line);
      expect(record.prev).toBe(prev);
      expect(record.hash).toBe(sha256Hex(line.slice(0, line.lastIndexOf(',"hash":"'))));
      prev = record.hash;
    }
    expect(verifyLog(text)).toMatchObject({ ok: true, value: { versions: 5, lastHash: prev } });
  });

  it.each([
    ["spaces between tokens", (line: string) => line.replace('"data":{', '"data": { ')],
    ["keys in another order", (line: string) => line.replace(/^\{"format":"rapk\/3","seq":(\d+),"version":(\d+),/, '{"format":"rapk/3","version":$2,"seq":$1,')],
    ["a letter written as a \\u escape", (line: string) => line.replace('"type":"', '"type":"\\u0050').replace('"type":"\\u0050P', '"type":"\\u0050')],
    ["a whole number written with an exponent", (line: string) => line.replace(/"year":2024/, '"year":2.024e3')],
    ["a key written twice", (line: string) => line.replace('"data":{', '"data":{"year":1,')],
  ])("given a line with %s and its hash recomputed over those bytes, then it is refused, naming the line", (_, edit) => {
    const edited = rehashBytes(lines.map((line, i) => (i === 0 ? edit(line) : line)));
    expect(edited[0]).not.toBe(lines[0]);
    const verified = verifyLog(join(edited));
    expect(verified.ok).toBe(false);
    if (!verified.ok) {
      expect(verified.error.line).toBe(1);
      expect(["NOT_CANONICAL", "DUPLICATE_KEY"]).toContain(verified.error.code);
    }
  });

  it("given a v3 log with CRLF line breaks or a byte-order mark, then it is refused: the bytes are what is hashed", () => {
    expect(verifyLog(text.replaceAll("\n", "\r\n"))).toMatchObject({ ok: false, error: { code: "NOT_CANONICAL", line: 1 } });
    expect(parseLog(`\uFEFF${text}`)).toMatchObject({ ok: false, error: { code: "NOT_CANONICAL", line: 1 } });
  });

  it("given a v2 log, then v3 versions go on after it, and a v2 line after a v3 line is FORMAT_MIXED", () => {
    const v2 = storyV2Text().trimEnd().split("\n");
    const mixed = [...v2.slice(0, commitLines[0] as number), ...lines.slice(commitLines[0] as number)];
    // The v3 lines' prev are their own chain's: relink them after the v2 prefix, as an append would.
    const relinked = [...mixed.slice(0, commitLines[0] as number), ...rehashFrom(mixed.slice(commitLines[0] as number), JSON.parse(mixed[(commitLines[0] as number) - 1] as string).hash)];
    expect(verifyLog(join(relinked))).toMatchObject({ ok: true, value: { versions: 5 } });
    const back = [...lines.slice(0, commitLines[0] as number), ...v2.slice(commitLines[0] as number)];
    expect(verifyLog(join(back))).toMatchObject({ ok: false, error: { code: "FORMAT_MIXED", line: (commitLines[0] as number) + 1 } });
  });
});

describe("signatures in a v3 log: every one checked by every reader", () => {
  const head = generateSigningKey();
  const officer = generateSigningKey();
  const signed = storyV3(head.secretKey).map((version) => signVersion(version, officer.secretKey));
  const signedText = serializeVersions(signed);
  const signedLines = signedText.trimEnd().split("\n");

  it("given versions co-signed by two keys, then both signatures are kept in order and verify, trusted or not", () => {
    expect(signed.every((v) => v.commit?.signatures?.map((s) => s.publicKey).join() === `${head.publicKey},${officer.publicKey}`)).toBe(true);
    expect(verifyLog(signedText, { checkSignature })).toMatchObject({ ok: true });
    expect(verifyLog(signedText, { trust: trusting([{ name: "Kepala", publicKey: head.publicKey }]) })).toMatchObject({ ok: true });
  });

  it("given version 1's signatures pasted into version 2, then plain verify fails BAD_SIGNATURE on version 2", () => {
    const sigs = (n: number) => JSON.parse(signedLines[(commitLines[n] as number) - 1] as string).signatures as CommitSignature[];
    const moved = signedLines.map((line, i) => (i === (commitLines[1] as number) - 1 ? line.replace(/"signatures":\[.*\]\}$/, `"signatures":${JSON.stringify(sigs(0))}}`) : line));
    const audit = auditLog(join(moved), { checkSignature });
    expect(audit.problems.map((p) => [p.code, p.line])).toEqual([
      ["BAD_SIGNATURE", commitLines[1]],
      ["BAD_SIGNATURE", commitLines[1]],
    ]);
  });

  it("given a signature from another log, then plain verify fails BAD_SIGNATURE", () => {
    // A genuine signature by the head's own key, of another log's head.
    const foreign = [signHead(sha256Hex("another log"), head.secretKey)];
    const pasted = signedLines.map((line, i) => (i === (commitLines[0] as number) - 1 ? line.replace(/"signatures":\[.*\]\}$/, `"signatures":${JSON.stringify(foreign)}}`) : line));
    expect(verifyLog(join(pasted), { checkSignature })).toMatchObject({ ok: false, error: { code: "BAD_SIGNATURE", line: commitLines[0] } });
  });

  it("given a signature removed, then trust names the version unsigned, and a reader without an Ed25519 check calls signatures unchecked", () => {
    const removed = signedLines.map((line, i) => (i === (commitLines[2] as number) - 1 ? line.replace(/,"signatures":\[.*\]\}$/, "}") : line));
    const trust = trusting([{ name: "Kepala", publicKey: head.publicKey }]);
    expect(auditLog(join(removed), { trust }).problems.map((p) => [p.code, p.line])).toEqual([["UNSIGNED_VERSION", commitLines[2]]]);
    expect(verifyLog(signedText)).toMatchObject({ ok: false, error: { code: "SIGNATURE_UNCHECKED", line: commitLines[0] } });
  });
});

/** rehashBytes after the head `start`. */
function rehashFrom(list: readonly string[], start: string): string[] {
  let prev = start;
  return list.map((line) => {
    const body = line.slice(0, line.lastIndexOf(',"hash":"')).replace(/"prev":"[0-9a-f]{64}"$/, `"prev":"${prev}"`);
    const hash = sha256Hex(body);
    prev = hash;
    return `${body},"hash":"${hash}"${line.slice(line.lastIndexOf(',"hash":"') + 74)}`;
  });
}

describe("a v2 log written before v3: the shipped January-June history as it was", () => {
  const v2 = readFileSync(new URL("./fixtures/v2-loka-pom-rejang-lebong-2024-history.ndjson", import.meta.url), "utf8");

  it("reads, verifies, and takes an append in v3 lines chained to its last commit record", () => {
    const parsed = parseLog(v2);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const before = verifyLog(v2);
    expect(before.ok).toBe(true);
    const last = parsed.value.versions.at(-1);
    const appended = appendRevision(parsed.value.events, {
      meta: meta("report", "2024-08-05T10:00:00+07:00", "July report"),
      commands: [{ type: "reportSpending", data: { line: "WA.6384.EBA.994.001.A", month: 7, amount: 1_000_000 } }],
    });
    if (!appended.ok) throw new Error(appended.error.message);
    const next = serializeVersions([appended.sealed]);
    expect(next.startsWith(`{"format":"rapk/3","seq":${parsed.value.events.length + 1},"version":${(last?.version ?? 0) + 1},`)).toBe(true);
    expect(appended.sealed.events[0]?.prev).toBe(last?.head);
    expect(verifyLog(v2 + next)).toMatchObject({ ok: true, value: { versions: (last?.version ?? 0) + 1, lastHash: appended.sealed.head } });
  });
});
