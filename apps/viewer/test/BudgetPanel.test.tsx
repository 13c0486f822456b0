import { budgetSummary, checkInvariants, INVARIANTS, type PlanState } from "@rapk/core";
import { screen, within } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { BudgetPanel } from "../src/components/BudgetPanel.js";
import { smallPlan } from "./fixtures/plan.js";
import { renderIn } from "./render.js";

function renderPanel(state: PlanState, language: "id" | "en" = "id") {
  return renderIn(<BudgetPanel state={state} budget={budgetSummary(state)} violations={checkInvariants(state)} />, language);
}

describe("BudgetPanel", () => {
  it("shows pagu, allocated, unallocated, spent and absorption per line", () => {
    const base = smallPlan();
    const state: PlanState = { ...base, spending: { "DR.3165.QIA.005.053.A": { 1: 12_573_600 } } };
    renderPanel(state);
    const row = screen.getByRole("rowheader", { name: /DR\.3165\.QIA\.005\.053\.A/ }).closest("tr")!;
    expect(Array.from(row.querySelectorAll("td")).map((td) => td.textContent)).toEqual([
      "Rp125.736.000",
      "Rp100.588.800",
      "Rp25.147.200",
      "Rp12.573.600",
      "10,0 %",
    ]);
    const total = screen.getByRole("rowheader", { name: "Total" }).closest("tr")!;
    expect(total.querySelectorAll("td")[0]!.textContent).toBe("Rp225.436.000");
  });

  it("shows every invariant green when the plan is sound", () => {
    const { container } = renderPanel(smallPlan());
    const items = Array.from(container.querySelectorAll(".invariants > ul > li"));
    expect(items.map((li) => li.getAttribute("data-code"))).toEqual(INVARIANTS.map((i) => i.code));
    expect(items.every((li) => li.classList.contains("ok"))).toBe(true);
    expect(items[0]!.textContent).toContain("(terpenuhi)");
  });

  it("shows a broken invariant red, with core's message saying by how much", () => {
    const base = smallPlan();
    const state: PlanState = { ...base, plan: { ...base.plan!, ceiling: 200_000_000 } };
    const { container } = renderPanel(state, "en");
    const broken = container.querySelector('[data-code="CEILING_EXCEEDED"]')!;
    expect(broken.classList.contains("broken")).toBe(true);
    expect(within(broken as HTMLElement).getByText(/\(broken\)/)).toBeTruthy();
    expect(broken.textContent).toContain("over the plan's ceiling Rp200.000.000 by Rp25.436.000");
    expect(container.querySelectorAll(".invariants > ul > li.broken")).toHaveLength(1);
  });

  it("marks a line whose contributions exceed its pagu", () => {
    const base = smallPlan();
    const line = base.lines["DR.3165.QIA.005.053.A"]!;
    const state: PlanState = { ...base, lines: { ...base.lines, [line.id]: { ...line, pagu: 100_000_000 } } };
    renderPanel(state);
    const row = screen.getByRole("rowheader", { name: /DR\.3165\.QIA\.005\.053\.A/ }).closest("tr")!;
    expect(row.classList.contains("over")).toBe(true);
    expect(row.querySelectorAll("td")[2]!.textContent).toBe("-Rp588.800");
  });
});
