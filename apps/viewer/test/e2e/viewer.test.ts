import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { INVARIANTS } from "@rapk/core";
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { SPLIT_ABOVE_CHARACTERS } from "../../src/model/foldedHistory.js";
import { SCREENSHOTS, browserSession } from "./session.js";
import { HISTORY_LOG, SEED_TXT, hostileLog, tamperedLog, yearOfHistory } from "./fixtures.js";

const baseUrl = inject("baseUrl");
/** A message only @noble/ed25519's code holds (a point that does not decode): where it is, the curve code is. */
const ED25519_MARKER = "bad point: y not sqrt";
const session = browserSession("rapk-viewer-e2e-");
let page: Page;
const errors: string[] = [];

/** Saves the viewport from the top of the page (clicks may have scrolled it). */
async function shoot(name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
const sliderValue = () => page.getByRole("slider", { name: "Versi" }).inputValue();

/** Writes a file for the file input, as a user's download folder would hold it. */
function file(name: string, content: string | Buffer): string {
  const path = join(session.scratch, name);
  writeFileSync(path, content);
  return path;
}

describe("the viewer in Chromium", () => {
  beforeEach(async () => {
    await page?.close();
    page = await session.browser.newPage({ viewport: { width: 1200, height: 800 } });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(baseUrl);
    await page.getByRole("status").filter({ hasText: "Rantai riwayat terverifikasi" }).waitFor({ timeout: 15_000 });
  });

  // Whatever a test does, including opening broken files, the page logs no error and throws nothing.
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it("opens the bundled plan with its history, verified, at the newest version", async () => {
    const start = Date.now();
    await page.reload();
    await page.getByRole("status").filter({ hasText: "Rantai riwayat terverifikasi" }).waitFor();
    console.log(`bundled example opened and verified in ${Date.now() - start} ms (page load, fetch, parse and verify in the worker, replay)`);
    const slider = page.getByRole("slider", { name: "Versi" });
    const max = await slider.getAttribute("max");
    expect(Number(max)).toBeGreaterThan(1);
    expect(await sliderValue()).toBe(max);
    await expect(page.locator("[aria-current=step]").count()).resolves.toBe(1);
    await page.getByRole("button", { name: /01 - Persentase Obat yang memenuhi syarat/ }).click();
    const rows = page.locator("tr.budget-rows");
    await expect(rows.textContent()).resolves.toContain("DR.3165.QIA.005");
    await expect(rows.textContent()).resolves.toContain("Rp70.412.160");
    await expect(page.locator("tfoot .total").textContent()).resolves.toContain("Rp4.801.300.000");
    await shoot("document");
  });

  it("steps the timeline with the keyboard: Home, arrows, End", async () => {
    const slider = page.getByRole("slider", { name: "Versi" });
    const max = (await slider.getAttribute("max"))!;
    await slider.focus();
    await page.keyboard.press("Home");
    expect(await sliderValue()).toBe("1");
    await expect(page.locator("[aria-current=step] .v-number").textContent()).resolves.toBe("1");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await sliderValue()).toBe("3");
    await expect(page.locator("[aria-current=step] .v-number").textContent()).resolves.toBe("3");
    await page.keyboard.press("ArrowLeft");
    expect(await sliderValue()).toBe("2");
    await shoot("timeline");
    await page.keyboard.press("End");
    expect(await sliderValue()).toBe(max);
    await page.getByRole("list", { name: "Daftar versi" }).getByRole("button").first().click();
    expect(await sliderValue()).toBe("1");
  });

  it("compares the Revisi POK with the version before it: changed cells and Rupiah moved", async () => {
    await page.getByRole("tab", { name: "Bandingkan" }).click();
    const pok = page.locator(".version.kind-pok .v-number");
    const to = Number(await pok.first().textContent());
    await page.getByRole("combobox", { name: "Dari versi" }).selectOption(String(to - 1));
    await page.getByRole("combobox", { name: "Ke versi" }).selectOption(String(to));
    const summary = page.locator(".compare-summary");
    await expect(summary.textContent()).resolves.toContain("Rupiah berpindah: Rp2.000.000");
    const changed = await page.locator("article.document .is-changed").allTextContents();
    expect(changed.length).toBeGreaterThanOrEqual(4);
    expect(changed.join(" ")).toContain("→");
    await shoot("compare");
  });

  it("shows the budget lines and the invariants, and achievement by indicator", async () => {
    await page.getByRole("tab", { name: "Anggaran" }).click();
    const invariants = page.locator(".invariants > ul > li");
    await expect(invariants.count()).resolves.toBe(INVARIANTS.length);
    await expect(page.locator(".invariants > ul > li.ok").count()).resolves.toBe(INVARIANTS.length);
    await shoot("budget");
    await page.getByRole("tab", { name: "Capaian" }).click();
    await expect(page.getByRole("img", { name: /Target dan realisasi indikator 01.01/ }).count()).resolves.toBe(1);
    await expect(page.locator(".achievement-card .badge").count()).resolves.toBeGreaterThan(0);
    await shoot("achievement");
  });

  it("switches to English", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Timeline" }).waitFor();
    // The page's language is set by an effect, after the labels are painted.
    await page.waitForFunction(() => document.documentElement.lang === "en", undefined, { timeout: 5_000 });
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expect(page.getByRole("tab", { name: "Achievement" }).count()).resolves.toBe(1);
    await expect(page.locator("table.rapk thead").first().textContent()).resolves.toContain("PERFORMANCE INDICATOR");
    await shoot("english");
  });

  it("imports the published table (TXT) chosen in the file input, with its findings", async () => {
    await page.locator("#file-input").setInputFiles(SEED_TXT);
    await page.getByRole("status").filter({ hasText: "Diimpor dari tabel terbitan" }).waitFor();
    const findings = page.locator("details.findings");
    await expect(findings.locator("summary").textContent()).resolves.toMatch(/Temuan impor \(\d+\)/);
    expect(await findings.locator("tbody tr").count()).toBeGreaterThan(0);
    // Each finding in the viewer's language (Indonesian here), opening with its line in the source.
    await expect(findings.locator("tbody").textContent()).resolves.toContain("Baris 140: Indikator 11.04 tidak punya target untuk bulan Januari");
    await expect(page.locator("tfoot .total").textContent()).resolves.toContain("Rp4.801.300.000");
    await shoot("import-findings");
  });

  it("announces a tampered log as an alert naming the first bad line", async () => {
    const tampered = tamperedLog();
    await page.locator("#file-input").setInputFiles(file("tampered.ndjson", tampered.text));
    const alert = page.getByRole("alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(`rantai rusak pada baris ${tampered.line}`);
    await shoot("tampered");
  });

  it("opens a file dropped on the page, rendering markup from it as text", async () => {
    const text = hostileLog();
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], "hostile.ndjson", { type: "application/x-ndjson" }));
      for (const type of ["dragenter", "dragover", "drop"]) document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, text);
    await page.getByRole("status").filter({ hasText: "Rantai riwayat terverifikasi: 4 peristiwa" }).waitFor();
    await expect(page.locator("main img").count()).resolves.toBe(0);
    await expect(page.locator("main script").count()).resolves.toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator(".v-actor").first().textContent()).resolves.toBe(`<img src=x onerror="window.__pwned=1">`);
  });

  it("refuses a 65 MB file with a message, and a malformed one naming the line, without freezing", async () => {
    await page.locator("#file-input").setInputFiles(file("huge.ndjson", Buffer.alloc(65 * 1024 * 1024, 0x20)));
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Berkas terlalu besar (65.0 MB); batasnya 64.0 MB.");
    await page.locator("#file-input").setInputFiles(file("broken.ndjson", '{"seq":1}\nnot json\n'));
    await expect(page.getByRole("alert").textContent()).resolves.toMatch(/baris 1/);
    // The plan shown before is closed and the alert says so: nothing on screen passes for the broken file.
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Rencana sebelumnya ditutup");
    await expect(page.locator(".workspace").count()).resolves.toBe(0);
    await expect(page.locator(".trust").count()).resolves.toBe(0);
    await shoot("errors");
    // The page still answers: a good file opens, and its tabs work.
    await page.locator("#file-input").setInputFiles(HISTORY_LOG);
    await page.getByRole("status").filter({ hasText: "Rantai riwayat terverifikasi" }).waitFor();
    await page.getByRole("tab", { name: "Anggaran" }).click();
    await page.locator(".invariants").waitFor();
  });

  it("shows a large log's newest version first and its earlier versions once their plans arrive", async () => {
    const year = yearOfHistory(5);
    expect(year.length).toBeGreaterThan(SPLIT_ABOVE_CHARACTERS);
    // Whether the timeline ever said that earlier versions were arriving (it may say so for a moment only).
    await page.evaluate(() => {
      const seen = new MutationObserver(() => {
        if (document.querySelector(".timeline .arriving")) Object.assign(window, { arrivingSeen: true });
      });
      seen.observe(document.body, { childList: true, subtree: true });
    });
    await page.locator("#file-input").setInputFiles(file("large-year.ndjson", year));
    await page.getByRole("status").filter({ hasText: "45 versi" }).waitFor();
    expect(await sliderValue()).toBe("45");
    await expect(page.locator("table.rapk tbody tr.indicator").count()).resolves.toBeGreaterThan(0);
    await page.locator(".timeline .arriving").waitFor({ state: "detached" });
    await expect(page.evaluate(() => (window as unknown as { arrivingSeen?: boolean }).arrivingSeen)).resolves.toBe(true);
    await page.getByRole("slider", { name: "Versi" }).focus();
    await page.keyboard.press("Home");
    expect(await sliderValue()).toBe("1");
    await expect(page.locator("table.rapk tfoot .total").textContent()).resolves.toContain("Rp4.801.300.000");
    // Version 1 (the plan) against version 2 (the first week's spending): both arrived after the newest.
    await page.getByRole("tab", { name: "Bandingkan" }).click();
    await page.getByRole("combobox", { name: "Ke versi" }).selectOption("2");
    await expect(page.locator(".compare-summary").textContent()).resolves.toMatch(/[1-9]\d* perubahan/);
    await expect(page.locator(".arriving").count()).resolves.toBe(0);
  });

  it("scrubs a year of weekly history smoothly (per-step render time is reported)", async () => {
    await page.locator("#file-input").setInputFiles(file("year.ndjson", yearOfHistory()));
    await page.getByRole("status").filter({ hasText: "45 versi" }).waitFor();
    // Each step: set the slider as a drag does, then wait until Preact has rendered the new version.
    const timings = await page.evaluate(async () => {
      const slider = document.querySelector<HTMLInputElement>("#version-slider")!;
      const output = document.querySelector("output.slider-value")!;
      const max = Number(slider.max);
      const times: number[] = [];
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
      for (const direction of ["forward", "back"]) {
        for (let i = 1; i <= max; i++) {
          const v = direction === "forward" ? i : max + 1 - i;
          const start = performance.now();
          slider.value = String(v);
          slider.dispatchEvent(new Event("input", { bubbles: true }));
          // Preact renders the whole tree in one microtask: once the output shows v, the document does too.
          while (!output.textContent!.startsWith(`Versi ${v} dari`)) await Promise.resolve();
          times.push(performance.now() - start);
          await frame();
        }
      }
      return times;
    });
    const stats = (times: number[]) => {
      const sorted = [...times].sort((a, b) => a - b);
      const round = (x: number) => Math.round(x * 10) / 10;
      return {
        steps: times.length,
        meanMs: round(times.reduce((a, b) => a + b, 0) / times.length),
        medianMs: round(sorted[Math.floor(sorted.length / 2)]!),
        p95Ms: round(sorted[Math.floor(sorted.length * 0.95)]!),
        maxMs: round(sorted[sorted.length - 1]!),
      };
    };
    // Forward, every version is met for the first time (state and projections computed); back, they come from the cache.
    const report = { firstVisit: stats(timings.slice(0, timings.length / 2)), revisit: stats(timings.slice(timings.length / 2)) };
    console.log(`scrub render time per step, document view, 45 versions forward then back: ${JSON.stringify(report)}`);
    expect(report.firstVisit.steps + report.revisit.steps).toBe(90);
  });
});

describe("the production build", () => {
  it("ships under 100 kB of gzipped JavaScript for the first load; the spreadsheet code and the table importer load only when asked", () => {
    const assets = join(inject("dist"), "assets");
    const gzip = (name: string) => gzipSync(readFileSync(join(assets, name)), { level: 9 }).length;
    const source = (name: string) => readFileSync(join(assets, name), "utf8");
    // The first load: the entry named in index.html, the parsing worker and its hashing helper (both
    // start with the bundled example), and what they import statically.
    const entry = /src="\.\/assets\/([^"]+\.js)"/.exec(readFileSync(join(inject("dist"), "index.html"), "utf8"))![1]!;
    const first = new Set<string>();
    const visit = (name: string) => {
      if (first.has(name)) return;
      first.add(name);
      for (const match of source(name).matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(match[1]!);
    };
    visit(entry);
    visit("parse-worker.js");
    visit("hash-worker.js");
    const all = readdirSync(assets).filter((name) => name.endsWith(".js"));
    const lazy = all.filter((name) => !first.has(name));
    const total = [...first].reduce((sum, name) => sum + gzip(name), 0);
    console.log(`gzipped JS, first load: ${[...first].map((n) => `${n} ${(gzip(n) / 1024).toFixed(1)} kB`).join(", ")}; total ${(total / 1024).toFixed(1)} kB; loaded when asked: ${lazy.map((n) => `${n} ${(gzip(n) / 1024).toFixed(1)} kB`).join(", ")}`);
    expect(total).toBeLessThan(100 * 1024);
    // exceljs is in a chunk of its own that only a dynamic import() reaches.
    const spreadsheet = lazy.filter((name) => source(name).includes("spreadsheetml"));
    expect(spreadsheet.length).toBeGreaterThan(0);
    for (const name of spreadsheet) expect(all.some((other) => new RegExp(`import\\([\`"']\\./${name.replace(".", "\\.")}`).test(source(other)))).toBe(true);
    // So is the importer of tables (its date parsing and CSV reader): most visits open logs.
    const importer = all.filter((name) => source(name).includes("rapk viewer (import)"));
    expect(importer.length).toBeGreaterThan(0);
    for (const name of importer) expect(first.has(name)).toBe(false);
    // And the Ed25519 code (@noble/ed25519, by a message only it has): loaded by the worker when a log carries signatures.
    const curve = all.filter((name) => source(name).includes(ED25519_MARKER));
    expect(curve).toHaveLength(1);
    expect([...first].filter((name) => source(name).includes(ED25519_MARKER))).toEqual([]);
    expect(source("parse-worker.js")).toMatch(new RegExp(`import\\([^)]*\\./${curve[0]!.replace(".", "\\.")}`));
    // The stylesheet index.html links comes with the first load too: the two together stay under the budget.
    const css = [...readFileSync(join(inject("dist"), "index.html"), "utf8").matchAll(/href="\.\/assets\/([^"]+\.css)"/g)].map((match) => match[1]!);
    const styles = css.reduce((sum, name) => sum + gzip(name), 0);
    console.log(`first load with its stylesheet: ${((total + styles) / 1024).toFixed(1)} kB gzipped (CSS ${(styles / 1024).toFixed(1)} kB)`);
    expect(css.length).toBeGreaterThan(0);
    expect(total + styles).toBeLessThan(100 * 1024);
  });
});
