import { fireEvent, screen } from "@testing-library/preact";
import { useState } from "preact/hooks";
import { appendRevision } from "@rapk/history";
import { describe, expect, it } from "vitest";
import { ComparePanel } from "../src/components/ComparePanel.js";
import { createHistoryView } from "../src/model/historyView.js";
import { foldHistory } from "../src/model/foldedHistory.js";
import { smallHistory } from "./fixtures/history.js";
import { renderIn } from "./render.js";

function Harness({ from = 2, to = 3 }: { from?: number; to?: number }) {
  const [view] = useState(() => createHistoryView(foldHistory(smallHistory())));
  const [pair, setPair] = useState({ from, to });
  return <ComparePanel view={view} from={pair.from} to={pair.to} onChange={(f, t) => setPair({ from: f, to: t })} />;
}

describe("ComparePanel", () => {
  it("summarises a Revisi POK: counts by kind and the Rupiah moved", () => {
    renderIn(<Harness />, "en");
    const summary = screen.getByRole("region", { name: "4 changes" });
    expect(summary.textContent).toContain("Rupiah moved: Rp2.000.000");
    expect(Array.from(summary.querySelectorAll(".counts li")).map((li) => li.textContent)).toEqual([
      "Ceiling of a line changed: 2",
      "Contribution changed: 2",
    ]);
  });

  it("lists every change with old -> new", () => {
    const { container } = renderIn(<Harness />, "en");
    const rows = Array.from(container.querySelectorAll("table.changes tbody tr")).map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent));
    expect(rows).toEqual([
      ["Ceiling of a line changed", "DR.3165.BDC.001.051.A", "Rp18.400.000", "Rp16.400.000"],
      ["Ceiling of a line changed", "DR.3165.BDC.001.051.B", "Rp81.300.000", "Rp83.300.000"],
      ["Contribution changed", "03.01 <- DR.3165.BDC.001.051.A", "Rp18.400.000", "Rp16.400.000"],
      ["Contribution changed", "03.01 <- DR.3165.BDC.001.051.B", "Rp81.300.000", "Rp83.300.000"],
    ]);
  });

  it("highlights every changed cell in the document and opens the indicators whose rows changed", () => {
    const { container } = renderIn(<Harness />, "en");
    const doc = container.querySelector("article.document")!;
    const changed = Array.from(doc.querySelectorAll(".is-changed")).map((td) => `${td.querySelector("del")!.textContent} -> ${td.querySelector("ins")!.textContent}`);
    expect(changed).toEqual([
      "Rp18.400.000 -> Rp16.400.000",
      "Rp18.400.000 -> Rp16.400.000",
      "Rp81.300.000 -> Rp83.300.000",
      "Rp81.300.000 -> Rp83.300.000",
    ]);
    expect(screen.getByRole("button", { name: /Tingkat Efektifitas KIE/ }).getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByRole("button", { name: /Persentase Obat/ }).getAttribute("aria-expanded")).toBe("false");
  });

  it("compares any two versions picked, a target revision highlighting its cell", () => {
    const { container } = renderIn(<Harness />);
    fireEvent.change(screen.getByRole("combobox", { name: "Dari versi" }), { target: { value: "3" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Ke versi" }), { target: { value: "4" } });
    const cells = Array.from(container.querySelectorAll("article.document .is-changed"));
    expect(cells.map((td) => td.textContent)).toEqual(["81 → 85"]);
    expect(screen.getByRole("region", { name: "1 perubahan" }).textContent).toContain("Target berubah: 1");
  });

  it("says when two versions are the same", () => {
    renderIn(<Harness from={4} to={4} />, "en");
    expect(screen.getByText("No changes between the two versions.")).toBeTruthy();
  });
});

describe("ComparePanel with a second file", () => {
  it("compares this file's version with the other's, matched by ids; what one side lacks shows as removed or added", () => {
    const mine = createHistoryView(foldHistory(smallHistory()));
    // The other file: the same plan without its last two versions, renamed as a file would be.
    const theirs = createHistoryView(foldHistory(smallHistory().filter((e) => e.version <= 1)));
    const { container } = renderIn(
      <ComparePanel view={mine} from={4} to={1} onChange={() => undefined} other={{ name: "copy.ndjson", view: theirs }} onCloseOther={() => undefined} />,
      "en",
    );
    expect(screen.getByText("Compared with copy.ndjson")).toBeTruthy();
    expect((screen.getByRole("combobox", { name: "Other file, version" }) as HTMLSelectElement).options.length).toBe(1);
    const kinds = Array.from(container.querySelectorAll("table.changes tbody tr")).map((tr) => tr.className);
    expect(kinds.length).toBeGreaterThan(0);
    // Reports in this file only: realisations and spending changed to none; no id is matched by position.
    const text = container.querySelector("table.changes")!.textContent!;
    expect(text).toContain("DR.3165.BDC.001.051.A");
  });

  it("marks an indicator that only one file has as added, on one side only", () => {
    const base = smallHistory();
    const revised = appendRevision(base, {
      meta: { actor: "Kepala", reason: "indikator baru", kind: "rapk", at: "2024-07-01T09:00:00+07:00" },
      commands: [{ type: "defineIndicator", data: { objective: "01", code: "08", name: "Indikator baru", unit: "percent", direction: "higher", shape: "constant" } }],
    });
    if (!revised.ok) throw new Error(revised.error.message);
    const mine = createHistoryView(foldHistory(base));
    const theirs = createHistoryView(foldHistory([...base, ...revised.events]));
    const { container } = renderIn(<ComparePanel view={mine} from={mine.last} to={theirs.last} onChange={() => undefined} other={{ name: "b.ndjson", view: theirs }} />, "en");
    const added = container.querySelector("tr.change-added")!;
    expect(added.textContent).toContain("01.08");
    expect(added.textContent).toContain("(on one side only)");
    expect(container.querySelectorAll("tr.change-added, tr.change-removed")).toHaveLength(1);
  });
});

describe("ComparePanel's trust in the other file", () => {
  it("says when the file compared with cannot be trusted, naming its bad line", () => {
    const mine = createHistoryView(foldHistory(smallHistory()));
    const verification = { ok: false as const, error: { code: "HASH_MISMATCH" as const, message: "the line was changed after it was written", line: 7 } };
    renderIn(<ComparePanel view={mine} from={mine.last} to={mine.last} onChange={() => undefined} other={{ name: "copy.ndjson", view: mine, verification }} />, "en");
    expect(screen.getByRole("alert").textContent).toContain("line 7");
  });
});
