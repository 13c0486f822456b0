import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type RevisionInput, appendRevision, openHistory, parseRevision, serializeLog, summarizeVersion, verifyLog } from "../src/index.js";
import { SEED_DRAFT, append, meta } from "./support/plan.js";

const commandsDoc = readFileSync(new URL("../../../docs/commands.md", import.meta.url), "utf8");
const examples = [...commandsDoc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] as string));

const kie = (sub: string, name: string, pagu: number) => ({
  type: "registerBudgetLine",
  data: { output: { code: "DR.3165.BDC.001", name: "Masyarakat yang ditingkatkan pengetahuannya melalui KIE" }, component: { code: "051", name: "Komunikasi, Informasi dan Edukasi oleh UPT" }, subComponent: { code: sub, name }, pagu },
});

/** The seed slice plus what the examples of docs/commands.md name: indicators 01.07 and 03.01 and the KIE lines. */
function fixture() {
  return append([], {
    meta: meta("draft", "2024-02-22T09:00:00+07:00"),
    commands: [
      ...SEED_DRAFT.slice(0, -1),
      { type: "defineIndicator", data: { objective: "01", code: "07", name: "Persentase UMKM yang dibina", unit: "percent", direction: "higher", shape: "cumulative" } },
      { type: "setTargets", data: { indicator: "01.07", values: [0, 0, 10, 20, 30, 40, 50, 60, 70, 80, 85, 90] } },
      { type: "defineObjective", data: { code: "03", number: 3, name: "Meningkatnya kesadaran masyarakat" } },
      { type: "defineIndicator", data: { objective: "03", code: "01", name: "Indeks kesadaran masyarakat", unit: "index", direction: "higher", shape: "year-end" } },
      kie("A", "PENGAWASAN PABUKOAN DAN MOBLING", 18_400_000),
      kie("B", "PELAKSANAAN SOSIALISASI / EDUKASI MASYARAKAT", 81_300_000),
      { type: "allocateContribution", data: { indicator: "03.01", line: "DR.3165.BDC.001.051.A", amount: 18_400_000 } },
      { type: "allocateContribution", data: { indicator: "03.01", line: "DR.3165.BDC.001.051.B", amount: 81_300_000 } },
      SEED_DRAFT.at(-1),
    ],
  });
}

describe("docs/commands.md", () => {
  it("has revision examples that are valid revision.json files", () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const example of examples) expect(parseRevision(example)).toMatchObject({ ok: true });
  });

  it("has examples that are accepted, in time order, and the POK moves Rp2.000.000", () => {
    let log = fixture();
    const sorted = [...examples].sort((a, b) => Date.parse(a.meta.at) - Date.parse(b.meta.at)) as RevisionInput[];
    for (const revision of sorted) {
      const result = appendRevision(log, revision);
      if (!result.ok) throw new Error(`${revision.meta.kind} example refused: ${result.error.code}: ${result.error.message}`);
      log = [...log, ...result.events];
    }
    expect(verifyLog(serializeLog(log))).toMatchObject({ ok: true, value: { versions: 4 } });
    const history = openHistory(log);
    const pok = history.versions.find((v) => v.kind === "pok");
    expect(pok && summarizeVersion(history, pok.number)).toBe("pagu of 2 lines changed, 2 contributions changed, Rp2.000.000 moved");
  });
});
