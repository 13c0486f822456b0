import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SEED, rapk, tempFolder, writeJson } from "./helpers.js";

const LINE = "DR.3165.QIA.005.053.A"; // the seed's first budget line (line 16 of the source)
const JANUARY = {
  meta: { actor: "Siti Rahma", reason: "laporan bulan 1", kind: "report" },
  commands: [{ type: "reportSpending", data: { line: LINE, month: 1, amount: 12_500_000 } }],
};

async function ok(folder: string, ...argv: string[]): Promise<string> {
  const run = await rapk(folder, ...argv);
  expect({ argv, code: run.code, stderr: run.stderr }).toEqual({ argv, code: 0, stderr: "" });
  return run.stdout;
}

/** A plan kept before anyone signed: imported and one report applied, neither signed; the head's key made, and a trust file holding it. */
async function unsignedYear(): Promise<string> {
  const folder = tempFolder();
  const entry = JSON.parse(await ok(folder, "keygen", "--name", "Kepala Loka POM di Kabupaten Rejang Lebong", "--out", "kepala.key"));
  await ok(folder, "keygen", "--name", "Orang Luar", "--out", "luar.key");
  writeFileSync(join(folder, "trust.json"), JSON.stringify([entry]));
  await ok(folder, "import", SEED, "--out", "plan.ndjson"); // 1
  writeJson(folder, "jan.json", JANUARY);
  await ok(folder, "apply", "plan.ndjson", "jan.json"); // 2
  return folder;
}

describe("rapk ratify: the head signs versions afterwards", () => {
  it("given a year no one signed, when the head ratifies it, then verify --trust passes and names, for each version, the version and the signer that ratified it", async () => {
    const folder = await unsignedYear();
    const before = await rapk(folder, "verify", "plan.ndjson", "--trust", "trust.json");
    expect(before.code).toBe(1);
    expect(before.stderr).toContain("UNSIGNED_VERSION");

    const said = await ok(folder, "ratify", "plan.ndjson", "--sign", "kepala.key", "--reason", "Pengesahan RAPK 2024 dan laporan Januari");
    expect(said).toMatch(/^ratified versions 1-2 of plan\.ndjson: version 3 \(1 events\), head [0-9a-f]{64}, signed by /);

    const verified = await ok(folder, "verify", "plan.ndjson", "--trust", "trust.json");
    expect(verified).toMatch(/every version signed by a trusted key, 2 ratified afterwards/);
    expect(verified).toMatch(/^version 1 ratified in version 3 by Kepala Loka POM di Kabupaten Rejang Lebong \(ed25519:[0-9a-f]{16}\)$/m);
    expect(verified).toMatch(/^version 2 ratified in version 3 by Kepala Loka POM/m);
    const json = JSON.parse(await ok(folder, "verify", "plan.ndjson", "--trust", "trust.json", "--json"));
    expect(json.signatures.map((v: { version: number; ratifiedIn?: number }) => [v.version, v.ratifiedIn])).toEqual([
      [1, 3],
      [2, 3],
      [3, undefined],
    ]);
    // The ratification is a version of the log like any other, and rapk log says which versions it approved.
    const log = await ok(folder, "log", "plan.ndjson");
    expect(log).toContain("Pengesahan RAPK 2024 dan laporan Januari");
    expect(log.split("\n").filter((line) => /^\s+[12] .*ratified in version 3/.test(line))).toHaveLength(2);
    const entries = JSON.parse(await ok(folder, "log", "plan.ndjson", "--json"));
    expect(entries.map((v: { number: number; ratifiedIn?: number }) => [v.number, v.ratifiedIn])).toEqual([
      [1, 3],
      [2, 3],
      [3, undefined],
    ]);
  });

  it("given a ratification through version 1 only, then version 2 is still unsigned for the auditor", async () => {
    const folder = await unsignedYear();
    await ok(folder, "ratify", "plan.ndjson", "--through", "1", "--sign", "kepala.key");
    const run = await rapk(folder, "verify", "plan.ndjson", "--trust", "trust.json");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/UNSIGNED_VERSION: version 2 is not signed/);
  });

  it("given a ratification signed by a key the auditor does not trust, then verify --trust still fails for every version", async () => {
    const folder = await unsignedYear();
    await ok(folder, "ratify", "plan.ndjson", "--sign", "luar.key");
    const json = JSON.parse((await rapk(folder, "verify", "plan.ndjson", "--trust", "trust.json", "--json")).stdout);
    expect(json.problems.map((p: { code: string }) => p.code)).toEqual(["UNSIGNED_VERSION", "UNSIGNED_VERSION", "UNTRUSTED_KEY"]);
  });

  it("given --through past the log's last version, or not a number, then it is refused and the log is unchanged", async () => {
    const folder = await unsignedYear();
    const log = readFileSync(join(folder, "plan.ndjson"));
    for (const through of ["3", "0", "dua"]) {
      const run = await rapk(folder, "ratify", "plan.ndjson", "--through", through, "--sign", "kepala.key");
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^rapk: .*--through ${through}: `));
      expect(readFileSync(join(folder, "plan.ndjson")).equals(log)).toBe(true);
    }
  });
});
