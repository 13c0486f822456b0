import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EMPTY_HEAD, type FormatTag, type LogHead, headAfter, sealVersion, serializeVersions, verifyLog } from "../src/index.js";
import { checkSignature, generateSigningKey, signVersion } from "../src/signing.js";

const recipe = new URL("../../../docs/examples/verify_log.py", import.meta.url).pathname;
const v1 = readFileSync(new URL("./fixtures/v1-loka-pom-rejang-lebong-2024-history.ndjson", import.meta.url), "utf8");

function python(...args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync("python3", [recipe, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) };
  } catch (error) {
    const failed = error as { status?: number; stderr?: string; code?: string };
    if (failed.code === "ENOENT") throw new Error("python3 is missing: the recipe of docs/log-format.md is checked with it (apt-get install python3)");
    return { code: failed.status ?? -1, out: failed.stderr ?? "" };
  }
}

/** Numbers JavaScript and Python write differently, and text in several scripts, in one plan. */
function awkwardLog(format: FormatTag): { text: string; head: string } {
  const draft = [
    { type: "PlanDrafted", data: { unit: "Loka POM “Rejang Lebong” — ملف \u2028 🇮🇩 \\ \"kutip\"", agency: "BPOM", year: 2024, ceiling: 9_007_199_254_740_991 } },
    { type: "ObjectiveDefined", data: { code: "01", number: 1, name: "Sasaran é\u0301" } },
    { type: "IndicatorDefined", data: { objective: "01", code: "01", name: "Indeks", unit: "index", direction: "higher", shape: "constant" } },
  ];
  const values = [1e-7, 1.5e-7, 0.000001, 2.5e-6, 0.1, 99.3, 100, 1e21, 1.23e21, 5e-324, 123456789012345680000, 1.7976931348623157e308];
  const targets = values.map((value, i) => ({ type: "TargetSet", data: { indicator: "01.01", month: (i % 12) + 1, value } }));
  const metadata = { recordedAt: "2024-02-22T09:00:00+07:00", effectiveAt: "2024-02-22T09:00:00+07:00", actor: "Tim “Perencanaan”", reason: "angka", kind: "draft" as const };
  let head: LogHead = EMPTY_HEAD;
  const first = signVersion(sealVersion(head, draft as never, metadata, format), generateSigningKey().secretKey);
  head = headAfter(first);
  const second = sealVersion(head, targets as never, { ...metadata, recordedAt: "2024-03-01T09:00:00+07:00", effectiveAt: "2024-03-01T09:00:00+07:00" }, format);
  return { text: serializeVersions([first, second]), head: second.head };
}

describe("the Python recipe of docs/log-format.md", () => {
  const folder = mkdtempSync(join(tmpdir(), "rapk-recipe-"));

  for (const format of ["rapk/2", "rapk/3"] as const) {
    it(`given a ${format} log holding numbers JavaScript writes in its own way (1e-7, 1e+21), then it agrees with rapk on every hash and the head`, () => {
      const { text, head } = awkwardLog(format);
      expect(text).toContain('"value":1e-7');
      expect(text).toContain('"value":1e+21');
      const file = join(folder, `awkward-${format.slice(-1)}.ndjson`);
      writeFileSync(file, text);
      expect(verifyLog(text, { checkSignature })).toMatchObject({ ok: true, value: { lastHash: head } });
      expect(python(file, head)).toEqual({ code: 0, out: `ok: 2 versions, head ${head}\n` });
    });

    it(`given a ${format} log with a changed digit, cut inside a version or another head, then it fails as rapk does`, () => {
      const { text, head } = awkwardLog(format);
      const changed = join(folder, `changed-${format.slice(-1)}.ndjson`);
      writeFileSync(changed, text.replace('"value":99.3', '"value":99.4'));
      expect(python(changed)).toMatchObject({ code: 1, out: expect.stringContaining("hash does not match") });
      const cut = join(folder, `cut-${format.slice(-1)}.ndjson`);
      writeFileSync(cut, `${text.trimEnd().split("\n").slice(0, -2).join("\n")}\n`);
      expect(python(cut)).toMatchObject({ code: 1, out: expect.stringContaining("no commit record") });
      const whole = join(folder, `whole-${format.slice(-1)}.ndjson`);
      writeFileSync(whole, text);
      expect(python(whole, "f".repeat(64))).toMatchObject({ code: 1, out: expect.stringContaining(`ends at head ${head}`) });
    });
  }

  it("given a v1 log with v2 lines appended, then it agrees with rapk on the head", () => {
    const file = join(folder, "v1.ndjson");
    writeFileSync(file, v1);
    const result = verifyLog(v1);
    expect(result.ok).toBe(true);
    expect(python(file)).toEqual({ code: 0, out: `ok: 9 versions, head ${result.ok ? result.value.lastHash : ""}\n` });
  });
});
