import type { Version } from "@rapk/history";
import { act, fireEvent, screen, within } from "@testing-library/preact";
import { useState } from "preact/hooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Timeline } from "../src/components/Timeline.js";
import { EVIL } from "./fixtures/plan.js";
import { renderIn } from "./render.js";

const version = (number: number, kind: Version["kind"], at: string, reason: string, actor = "Tim Perencanaan"): Version => ({
  number,
  recordedAt: at,
  effectiveAt: at,
  actor,
  kind,
  reason,
  events: 1,
  firstSeq: number,
  lastSeq: number,
});

const VERSIONS: Version[] = [
  version(1, "draft", "2024-02-22T09:00:00+07:00", "RAPK 2024 signed"),
  version(2, "report", "2024-02-26T10:00:00+07:00", "monthly report 1/2024"),
  version(3, "pok", "2024-05-20T10:00:00+07:00", "Revisi POK"),
  version(4, "report", "2024-06-05T10:00:00+07:00", "monthly report 5/2024", EVIL),
];

// Stand-ins for the two date questions (their answers are tested on a real log in historyView's test).
const inForceOn = (date: string) => (date < "2024-02-22" ? 0 : date < "2024-05-20" ? 2 : 3);
const knownOn = (date: string) => (date < "2024-03-01" ? 1 : 4);

function Harness({ onSelect }: { onSelect?: (v: number) => void }) {
  const [current, setCurrent] = useState(4);
  return (
    <Timeline
      versions={VERSIONS}
      current={current}
      inForceOn={inForceOn}
      knownOn={knownOn}
      onSelect={(v) => {
        onSelect?.(v);
        setCurrent(v);
      }}
    />
  );
}

afterEach(() => vi.useRealTimers());

describe("Timeline", () => {
  it("moves to the version in force on a date, or the one the log knew on a date, and says when there is none", () => {
    renderIn(<Harness />);
    const slider = screen.getByRole("slider", { name: "Versi" }) as HTMLInputElement;
    fireEvent.change(screen.getByLabelText("Berlaku pada tanggal"), { target: { value: "2024-03-12" } });
    expect(slider.value).toBe("2");
    fireEvent.change(screen.getByLabelText("Tercatat per tanggal"), { target: { value: "2024-02-25" } });
    expect(slider.value).toBe("1");
    fireEvent.change(screen.getByLabelText("Berlaku pada tanggal"), { target: { value: "2024-01-31" } });
    expect(slider.value).toBe("1");
    expect(screen.getByText("Belum ada versi pada 31 Januari 2024.").getAttribute("role")).toBe("status");
  });

  it("is a labelled range slider over all versions, at the current one", () => {
    renderIn(<Harness />);
    const slider = screen.getByRole("slider", { name: "Versi" }) as HTMLInputElement;
    expect([slider.type, slider.min, slider.max, slider.value]).toEqual(["range", "1", "4", "4"]);
    expect(slider.getAttribute("aria-valuetext")).toBe("Versi 4 dari 4: 5 Juni 2024 · Laporan");
    fireEvent.input(slider, { target: { value: "2" } });
    expect(slider.getAttribute("aria-valuetext")).toBe("Versi 2 dari 4: 26 Februari 2024 · Laporan");
  });

  it("lists the versions (date, actor, kind, reason), marks the current one and jumps on click", () => {
    const onSelect = vi.fn();
    renderIn(<Harness onSelect={onSelect} />);
    const list = screen.getByRole("list", { name: "Daftar versi" });
    const items = within(list).getAllByRole("button");
    expect(items.map((b) => b.getAttribute("aria-current"))).toEqual([null, null, null, "step"]);
    expect(items[2]!.textContent).toBe("320 Mei 2024Revisi POKTim PerencanaanRevisi POK");
    fireEvent.click(items[0]!);
    expect(onSelect).toHaveBeenCalledWith(1);
    expect(items.map((b) => b.getAttribute("aria-current"))).toEqual(["step", null, null, null]);
    expect((screen.getByRole("slider") as HTMLInputElement).value).toBe("1");
  });

  it("filters the list by kind of change", () => {
    renderIn(<Harness />);
    const filter = screen.getByRole("combobox", { name: "Jenis perubahan" });
    fireEvent.change(filter, { target: { value: "report" } });
    const items = within(screen.getByRole("list", { name: "Daftar versi" })).getAllByRole("button");
    expect(items.map((b) => b.querySelector(".v-number")!.textContent)).toEqual(["2", "4"]);
  });

  it("plays from the start when at the end, one version per step, and pauses", () => {
    vi.useFakeTimers();
    const onSelect = vi.fn();
    renderIn(<Harness onSelect={onSelect} />);
    const play = screen.getByRole("button", { name: /Putar/ });
    fireEvent.click(play);
    expect(onSelect).toHaveBeenLastCalledWith(1);
    expect(play.textContent).toContain("Jeda");
    act(() => void vi.advanceTimersByTime(1000));
    expect(onSelect).toHaveBeenLastCalledWith(2);
    fireEvent.click(play);
    expect(play.textContent).toContain("Putar");
    act(() => void vi.advanceTimersByTime(5000));
    expect(onSelect).toHaveBeenLastCalledWith(2);
  });

  it("stops playing at the last version", () => {
    vi.useFakeTimers();
    const onSelect = vi.fn();
    renderIn(<Harness onSelect={onSelect} />);
    fireEvent.click(screen.getByRole("list", { name: "Daftar versi" }).querySelectorAll("button")[2]!);
    const play = screen.getByRole("button", { name: /Putar/ });
    fireEvent.click(play);
    act(() => void vi.advanceTimersByTime(1000));
    expect(onSelect).toHaveBeenLastCalledWith(4);
    act(() => void vi.advanceTimersByTime(1000));
    expect(play.textContent).toContain("Putar");
    expect(onSelect).toHaveBeenCalledTimes(2);
  });

  it("renders an actor from the file as text", () => {
    const { container } = renderIn(<Harness />);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector(".v-actor")!.textContent).toBe("Tim Perencanaan");
    expect(Array.from(container.querySelectorAll(".v-actor")).map((e) => e.textContent)).toContain(EVIL);
  });
});
