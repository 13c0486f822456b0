import { describe, expect, it } from "vitest";
import { importedSeed, rapk, writeJson } from "./helpers.js";

describe("what the document states, beside what the plan derives", () => {
  it("show --json gives each indicator's ANGGARAN as printed and the document's Total", async () => {
    const folder = await importedSeed();
    const json = JSON.parse((await rapk(folder, "show", "plan.ndjson", "--json")).stdout);
    const indicator = (id: string) => json.indicators.find((i: { id: string }) => i.id === id);
    // The figures printed in the signed document (see the seed, lines 39, 110 and 85).
    expect([indicator("01.07").statedBudget, indicator("01.07").budget]).toEqual([37_648_000, 0]);
    expect([indicator("09.03").statedBudget, indicator("09.03").budget]).toEqual([398_300_000, 0]);
    expect([indicator("05.01").statedBudget, indicator("05.01").budget]).toEqual([187_418_000, 154_838_000]);
    expect(json.plan.statedTotal).toBe(4_801_300_000);
    // Where the rows are complete the two agree (01.05: 50,400,000 + 27,600,000 + 1,327,000).
    expect([indicator("01.05").statedBudget, indicator("01.05").budget]).toEqual([79_327_000, 79_327_000]);
    expect(json.indicators.every((i: { statedBudget: unknown }) => i.statedBudget === null || Number.isSafeInteger(i.statedBudget))).toBe(true);
  });

  it("show --json and show give each amount the document prints under no indicator as a field of its line", async () => {
    const folder = await importedSeed();
    const json = JSON.parse((await rapk(folder, "show", "plan.ndjson", "--json")).stdout);
    // The seed's rows under an indicator on a missing page (lines 45, 114 and 127).
    const stated = json.lines.filter((l: { unattributed: number }) => l.unattributed > 0).map((l: { id: string; unattributed: number }) => [l.id, l.unattributed]);
    expect(stated).toEqual([
      ["DR.3165.BKB.001.051.B", 39_088_500],
      ["DR.3165.CAN.001.051.A", 56_500_000],
      ["DR.3165.BKB.001.052.A", 47_520_000],
    ]);
    expect(json.totals.unattributed).toBe(39_088_500 + 56_500_000 + 47_520_000);
    const out = (await rapk(folder, "show", "plan.ndjson")).stdout;
    expect(out).toMatch(/DR\.3165\.CAN\.001\.051\.A\s.*Rp56\.500\.000\s*$/m);
  });

  it("show prints both where they differ, and says why in plain words", async () => {
    const folder = await importedSeed();
    const out = (await rapk(folder, "show", "plan.ndjson")).stdout;
    expect(out).toContain("ANGGARAN in the document: Rp37.648.000. Rp37.648.000 in the document; Rp0 attributed to budget lines in the plan: Rp37.648.000 is on no budget line here");
    expect(out).toContain("Total Rp4.801.300.000 in the document; the budget lines in the plan add up to Rp3.838.612.000: Rp962.688.000 is not itemised here");
    expect(out).not.toContain("ANGGARAN in the document: Rp79.327.000");
  });

  it("report prints the document's Total beside the lines' pagu", async () => {
    const folder = await importedSeed();
    const out = (await rapk(folder, "report", "plan.ndjson", "--month", "3")).stdout;
    expect(out).toContain("Total Rp4.801.300.000 in the document; the budget lines in the plan add up to Rp3.838.612.000");
    const json = JSON.parse((await rapk(folder, "report", "plan.ndjson", "--month", "3", "--json")).stdout);
    expect(json.budget.statedTotal).toBe(4_801_300_000);
  });

  it("a Revisi RAPK may revise a stated figure; a Revisi POK may not", async () => {
    const folder = await importedSeed();
    const revision = (kind: string) => ({
      meta: { actor: "Kepala Loka POM", reason: "ANGGARAN of 01.07 corrected", kind, effectiveAt: "2024-03-11T10:00:00+07:00" },
      commands: [{ type: "stateIndicatorBudget", data: { indicator: "01.07", amount: 40_000_000 } }],
    });
    writeJson(folder, "pok.json", revision("pok"));
    writeJson(folder, "rapk.json", revision("rapk"));
    expect((await rapk(folder, "apply", "plan.ndjson", "pok.json")).code).toBe(2);
    expect((await rapk(folder, "apply", "plan.ndjson", "rapk.json")).code).toBe(0);
    const json = JSON.parse((await rapk(folder, "show", "plan.ndjson", "--json")).stdout);
    expect(json.indicators.find((i: { id: string }) => i.id === "01.07").statedBudget).toBe(40_000_000);
  });
});
