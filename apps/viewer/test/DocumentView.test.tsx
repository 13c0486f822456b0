import { type PlanDocument, indicatorId, planDocument } from "@rapk/core";
import { fireEvent, screen, within } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { DocumentView } from "../src/components/DocumentView.js";
import { cell } from "../src/model/highlights.js";
import { EVIL, smallPlan } from "./fixtures/plan.js";
import { I18nProvider } from "../src/i18n/i18n.js";
import { renderIn } from "./render.js";
import { importPlan } from "@rapk/import";
import { readSeed } from "./fixtures/seed.js";

describe("DocumentView", () => {
  it("lays the plan out like the published RAPK: objectives, indicators with B01..B12 and budget, Total, signature", () => {
    const { container } = renderIn(<DocumentView document={planDocument(smallPlan())} />);
    const table = container.querySelector("table.rapk")!;
    const heads = Array.from(table.querySelectorAll("thead th")).map((th) => th.textContent);
    expect(heads).toEqual(["NO", "SASARAN KEGIATAN", "INDIKATOR KINERJA KEGIATAN", "TARGET", "ANGGARAN", ...Array.from({ length: 12 }, (_, i) => `B${String(i + 1).padStart(2, "0")}`)]);
    expect(screen.getByText("01 - Terwujudnya Obat dan Makanan yang memenuhi syarat")).toBeTruthy();
    const row = screen.getByRole("button", { name: /01 - Persentase Obat yang memenuhi syarat/ }).closest("tr")!;
    const cells = Array.from(row.querySelectorAll("td.target")).map((td) => td.textContent);
    expect(cells).toEqual(Array(12).fill("99,3"));
    expect(row.querySelector("td.money")!.textContent).toBe("Rp70.412.160");
    expect(container.querySelector("tfoot")!.textContent).toContain("Rp500.000.000");
    expect(container.querySelector(".signature")!.textContent).toContain("Rejang Lebong, 22 Februari 2024");
    expect(container.querySelector(".signature")!.textContent).toContain("Kepala Loka POM di Kabupaten Rejang Lebong");
  });

  it("shows a blank target as blank, not 0", () => {
    renderIn(<DocumentView document={planDocument(smallPlan())} />);
    const row = screen.getByRole("button", { name: /Tingkat Efektifitas KIE/ }).closest("tr")!;
    const [b01, b02] = Array.from(row.querySelectorAll("td.target"));
    expect(b01!.textContent).toBe("–kosong");
    expect(b02!.textContent).toBe("0");
  });

  it("expands an indicator to its budget rows with a real button carrying aria-expanded", () => {
    renderIn(<DocumentView document={planDocument(smallPlan())} />);
    const button = screen.getByRole("button", { name: /Tingkat Efektifitas KIE/ });
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(document.getElementById(button.getAttribute("aria-controls")!)).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const rows = document.getElementById(button.getAttribute("aria-controls")!)!;
    const lines = within(rows).getAllByRole("row").slice(1).map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent));
    expect(lines).toEqual([
      ["1.", "DR.3165.BDC.001 - Output DR.3165.BDC.001", "051 - Komponen 051", "A - PENGAWASAN PABUKOAN DAN MOBLING", "Rp18.400.000", "Rp18.400.000"],
      ["2.", "DR.3165.BDC.001 - Output DR.3165.BDC.001", "051 - Komponen 051", "B - PELAKSANAAN SOSIALISASI / EDUKASI MASYARAKAT", "Rp81.300.000", "Rp81.300.000"],
    ]);
    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("false");
  });

  it("keeps the seed's order: 03.01's budget rows D, A, B, C as lines 48-51 print them, objective 11 last", () => {
    const imported = importPlan(readSeed());
    if (!imported.ok) throw new Error(imported.error.message);
    const { container } = renderIn(<DocumentView document={planDocument(imported.state)} />);
    const objectives = Array.from(container.querySelectorAll("table.rapk tbody td")).map((td) => td.textContent ?? "").filter((text) => /^\d{2} - (Terwujud|Meningkat|Terkelola)/.test(text));
    expect(objectives.map((text) => text.slice(0, 2))).toEqual(["01", "03", "04", "05", "08", "09", "11"]);
    const button = screen.getByRole("button", { name: /Tingkat Efektifitas KIE/ });
    fireEvent.click(button);
    const rows = within(document.getElementById(button.getAttribute("aria-controls")!)!).getAllByRole("row").slice(1);
    expect(rows.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent)).map(([no, , , sub]) => `${no} ${sub?.slice(0, 1)}`)).toEqual(["1. D", "2. A", "3. B", "4. C"]);
  });

  it("highlights changed cells with old -> new", () => {
    const highlights = new Map([
      [cell.target("01.07", 11), { from: 81, to: 85 }],
      [cell.budget("03.01"), { from: 99_700_000, to: 99_700_000 - 1 }],
    ]);
    const { container } = renderIn(<DocumentView document={planDocument(smallPlan())} highlights={highlights} />);
    const changed = Array.from(container.querySelectorAll(".is-changed")).map((td) => [td.querySelector("del")!.textContent, td.querySelector("ins")!.textContent]);
    expect(changed).toEqual([
      ["81", "85"],
      ["Rp99.700.000", "Rp99.699.999"],
    ]);
  });

  it("renders names from a file as text, never as markup", () => {
    const { container } = renderIn(<DocumentView document={planDocument(smallPlan(EVIL))} />);
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByRole("button", { name: new RegExp(EVIL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) })).toBeTruthy();
    expect(document.body.dataset.pwned).toBeUndefined();
  });

  it("labels the document in English when asked", () => {
    const { container } = renderIn(<DocumentView document={planDocument(smallPlan())} />, "en");
    expect(container.querySelector("thead")!.textContent).toContain("PERFORMANCE INDICATOR");
    expect(container.querySelector(".signature")!.textContent).toContain("22 February 2024");
  });

  /** The small plan's first objective with `count` indicators, each a copy of its first one under its own id. */
  function planWith(count: number): PlanDocument {
    const base = planDocument(smallPlan());
    const objective = base.objectives[0]!;
    const model = objective.indicators[0]!;
    const indicators = Array.from({ length: count }, (_, i) => ({ ...model, id: indicatorId(objective.code, `${900 + i}`), code: `${900 + i}`, name: `Indikator ${i}` }));
    return { ...base, objectives: [{ ...objective, indicators }] };
  }

  it("renders a large plan fifty indicators at a time, the objective spanning the rows shown", () => {
    const { container } = renderIn(<DocumentView document={planWith(120)} />);
    const shown = () => container.querySelectorAll("tr.indicator").length;
    expect(shown()).toBe(50);
    expect(container.querySelector("td.objective")!.getAttribute("rowspan")).toBe("50");
    fireEvent.click(screen.getByRole("button", { name: "Tampilkan 50 indikator berikutnya (70 lagi)" }));
    expect(shown()).toBe(100);
    fireEvent.click(screen.getByRole("button", { name: "Tampilkan 20 indikator berikutnya (20 lagi)" }));
    expect(shown()).toBe(120);
    expect(screen.getByRole("button", { name: /Indikator 119$/ })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Tampilkan/ })).toBeNull();
  });

  // Rows that print the same are not rendered again from one version to the next: never a changed one.
  it("shows what changed in the next version's document, whose objects are all new", () => {
    const before = planWith(3);
    const { container, rerender } = renderIn(<DocumentView document={before} />);
    const rows = () => Array.from(container.querySelectorAll("tr.indicator"));
    // The next version: new objects throughout (as planDocument makes them), one target changed.
    const objective = before.objectives[0]!;
    const changed = objective.indicators.map((indicator, i) => ({ ...indicator, targets: i === 1 ? [42, ...indicator.targets.slice(1)] : [...indicator.targets] }));
    rerender(
      <I18nProvider language="id">
        <DocumentView document={{ ...before, objectives: [{ ...objective, indicators: changed }] }} />
      </I18nProvider>,
    );
    expect(rows()[1]!.querySelector("td.target")!.textContent).toBe("42");
    expect(rows()[0]!.querySelector("td.target")!.textContent).toBe("99,3");
    expect(rows()[2]!.querySelector("td.target")!.textContent).toBe("99,3");
  });
});
