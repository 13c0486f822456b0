import { achievement, type PlanState } from "@rapk/core";
import { screen } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { AchievementPanel } from "../src/components/AchievementPanel.js";
import { smallPlan } from "./fixtures/plan.js";
import { renderIn } from "./render.js";

function reported(): PlanState {
  const base = smallPlan();
  return {
    ...base,
    realisations: {
      "01.01": { 1: { value: 96.5 }, 2: { value: 99.3 } },
      "01.07": { 3: { value: 4 } },
    },
  };
}

describe("AchievementPanel", () => {
  it("shows the band of the latest reported month per indicator", () => {
    const { container } = renderIn(<AchievementPanel achievements={achievement(reported())} />);
    const cards = Array.from(container.querySelectorAll(".achievement-card"));
    expect(cards.map((c) => c.querySelector(".latest")!.textContent)).toEqual([
      "Capaian terakhir (Februari): 100 % · Baik",
      "Capaian terakhir (Maret): 40 % · Sangat Kurang",
      "Belum ada realisasi yang dilaporkan.",
    ]);
    expect(cards[1]!.querySelector(".badge")!.classList.contains("band-very-poor")).toBe(true);
  });

  it("draws target and realisation by month as a labelled inline SVG", () => {
    renderIn(<AchievementPanel achievements={achievement(reported())} />, "en");
    const chart = screen.getByRole("img", { name: "Target and realisation of indicator 01.01 by month" });
    expect(chart.tagName.toLowerCase()).toBe("svg");
    // Realisation beside the target in each month: two months reported, twelve targets.
    expect(chart.querySelectorAll("rect.bar:not(.target-bar)")).toHaveLength(2);
    expect(chart.querySelectorAll("rect.target-bar")).toHaveLength(12);
    const blankFirst = screen.getByRole("img", { name: "Target and realisation of indicator 03.01 by month" });
    expect(blankFirst.querySelectorAll("rect.target-bar")).toHaveLength(11);
    // Both axes are labelled, and the value axis has figures on it.
    expect(Array.from(chart.querySelectorAll("text.axis-label")).map((t) => t.textContent)).toEqual(["Month", "Value"]);
    const ticks = Array.from(chart.querySelectorAll("text.tick")).map((t) => t.textContent);
    expect(ticks.slice(0, 3)).toEqual(["0", "50", "100"]);
    expect(ticks.slice(3)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]);
  });

  it("lists the monthly figures in a table", () => {
    const { container } = renderIn(<AchievementPanel achievements={achievement(reported())} />);
    const table = container.querySelector(".achievement-table")!;
    const realisation = Array.from(table.querySelectorAll("tbody tr")[1]!.querySelectorAll("td")).map((td) => td.textContent);
    expect(realisation.slice(0, 3)).toEqual(["96,5", "99,3", "–"]);
  });
});

describe("the value axis", () => {
  it("ends just above the data on a round number, with a round middle", async () => {
    const { ticksFor } = await import("../src/components/AchievementChart.js");
    expect(ticksFor(100)).toEqual([0, 50, 100]);
    expect(ticksFor(106.74)).toEqual([0, 60, 120]);
    expect(ticksFor(1)).toEqual([0, 0.5, 1]);
    for (const top of [0.3, 7, 99.3, 250, 4_801_300_000]) {
      const [, middle, end] = ticksFor(top);
      expect(end).toBeGreaterThanOrEqual(top);
      expect(end).toBeLessThan(top * 2.5);
      expect(end).toBe(middle! * 2);
    }
  });
});
