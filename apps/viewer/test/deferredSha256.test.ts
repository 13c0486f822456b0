import { serializeLog } from "@rapk/history";
import { describe, expect, it } from "vitest";
import { type DigestCheck, checkHere, claimedHashes, deferredSha256 } from "../src/model/deferredSha256.js";
import { parseSource } from "../src/model/parseSource.js";
import { smallHistory } from "./fixtures/history.js";

const NOW = () => "2024-07-01T08:00:00+07:00";
const text = serializeLog(smallHistory());

/** checkHere, recording each batch's answer. */
function recording(): { check: DigestCheck; answers: boolean[] } {
  const answers: boolean[] = [];
  return { answers, check: async (inputs, claims) => (answers.push(await checkHere(inputs, claims)), answers.at(-1)!) };
}

describe("verifying a log with its hashes checked elsewhere", () => {
  it("reads each line's claimed hash from the text, in line order", () => {
    const lines = text.trimEnd().split("\n");
    expect(claimedHashes(text)).toEqual(lines.map((line) => (JSON.parse(line) as { hash: string }).hash));
    expect(claimedHashes('{"a":1}\n')).toEqual([""]);
  });

  it("given an intact log, every claim checks out and the outcome is the one a real sha256 gives", async () => {
    const { check, answers } = recording();
    const parallel = await parseSource(text, "plan.ndjson", NOW, check);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every(Boolean)).toBe(true);
    expect(parallel).toEqual(await parseSource(text, "plan.ndjson", NOW));
  });

  it("given a line changed and its hash left, the false claim is caught and the real verifier names the line", async () => {
    const lines = text.split("\n");
    lines[9] = lines[9]!.replace(/"pagu":\d+/, '"pagu":1');
    const tampered = lines.join("\n");
    const { check, answers } = recording();
    const parallel = await parseSource(tampered, "plan.ndjson", NOW, check);
    expect(answers).toContain(false);
    expect(parallel.ok && parallel.loaded.verification).toMatchObject({ ok: false, error: { line: 10, code: "HASH_MISMATCH" } });
    expect(parallel).toEqual(await parseSource(tampered, "plan.ndjson", NOW));
  });

  it("settles false when any answer given was not the input's digest, true when all were", async () => {
    const honest = deferredSha256(["a".repeat(64)], checkHere, 1);
    honest.sha256("x");
    await expect(honest.settled()).resolves.toBe(false);
    const claims = claimedHashes(text);
    const right = deferredSha256(claims, async () => true, 2);
    for (let i = 0; i < 5; i++) expect(right.sha256(`line ${i}`)).toBe(claims[i]);
    await expect(right.settled()).resolves.toBe(true);
  });
});
