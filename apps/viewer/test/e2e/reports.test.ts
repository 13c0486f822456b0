import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import axe from "axe-core";
import type { Page } from "playwright-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { SCREENSHOTS, browserSession } from "./session.js";
import { planWithNewIndicator, planWithRaisedCeiling } from "./fixtures.js";
import { pdfRuns } from "./pdfRuns.js";
import { monthCode } from "@rapk/core";

const baseUrl = inject("baseUrl");
const session = browserSession("rapk-viewer-reports-");
let page: Page;
const errors: string[] = [];
const VERIFIED = "Rantai riwayat terverifikasi";

afterEach(async () => {
  await page?.close();
  expect(errors.splice(0)).toEqual([]);
});

/** A new page at the viewer (with `hash`), waiting until its plan is open and verified. */
async function openViewer(hash = "", options: { width?: number; bypassCSP?: boolean; verified?: string } = {}): Promise<Page> {
  page = await session.browser.newPage({ viewport: { width: options.width ?? 1200, height: 800 }, acceptDownloads: true, bypassCSP: options.bypassCSP ?? false });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(`${baseUrl}${hash}`);
  await page.getByRole("status").filter({ hasText: options.verified ?? VERIFIED }).first().waitFor({ timeout: 15_000 });
  return page;
}

async function shoot(name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Clicks a button that downloads, and returns the file's name and bytes. */
async function downloadBy(name: string | RegExp): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
  const path = join(session.scratch, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

describe("the viewer's print, downloads, quarterly report and two-file compare", () => {
  it("prints the plan in the published layout: the print button, and what print emulation shows", async () => {
    await openViewer();
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole("button", { name: "Cetak RAPK" }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".app-header").isVisible()).resolves.toBe(false);
    await expect(page.locator(".workspace").isVisible()).resolves.toBe(false);
    const printed = page.locator(".print-root article.rapk-print");
    await expect(printed.isVisible()).resolves.toBe(true);
    const text = (await printed.textContent())!;
    expect(text).toContain("RENCANA AKSI PERJANJIAN KINERJA TAHUN 2024");
    expect(text).toContain("Total4.801.300.000");
    expect(text).toContain("Rejang Lebong, 22 Februari 2024");
    expect(text).toMatch(/rapk · versi \d+ · berlaku .* · hash kepala log [0-9a-f]{64}/);
    // A4 landscape at 96 dpi, from the top, as the page would print.
    await page.setViewportSize({ width: 1123, height: 794 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, "print.png") });
    await page.emulateMedia({ media: "screen" });
    await expect(page.locator(".app-header").isVisible()).resolves.toBe(true);
  });

  it("prints the plan to a real Chromium PDF on A4 landscape: every figure whole and on the page, Revisi ke-N under the title", async () => {
    /** The viewer's print of a version as Chromium makes the PDF, its text, and what runs past the right margin or under a page's footer. */
    async function printed(hash: string, file?: string) {
      await openViewer(hash);
      if (file !== undefined) {
        await page.locator("#file-input").setInputFiles(file);
        await page.getByRole("status").filter({ hasText: VERIFIED }).filter({ hasText: "2 versi" }).first().waitFor({ timeout: 15_000 });
      }
      // What the ANGGARAN column and the Total say (each amount, and a computed one beside it), from the layout the print shows.
      await page.evaluate(() => {
        window.print = () => undefined;
      });
      await page.getByRole("button", { name: "Cetak RAPK" }).click();
      const cells = (selector: string) => page.locator(`.print-root table.document > tbody > ${selector} > td:last-child`).evaluateAll((tds) => tds.map((td) => [...td.childNodes].map((node) => node.textContent ?? "")));
      const budgets = (await cells("tr.indicator")).flat();
      const [totals] = await cells("tr.total");
      const { pages, runs } = await pdfRuns(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      expect(pages.length).toBeGreaterThan(1);
      const whole = (text: string, figure: string) => new RegExp(`(^|\\s)${figure.replace(/\./g, "\\.")}(?=\\s|$)`).test(text);
      const lastPage = runs.filter((r) => r.page === pages.length).map((r) => r.text).join(" ").replace(/\s+/g, " ");
      // A4 landscape: 297 x 210 mm in points.
      for (const size of pages) expect([Math.round(size.width), Math.round(size.height)]).toEqual([842, 595]);
      const rightEdge = pages[0]!.width - (10 / 25.4) * 72;
      const footers = runs.filter((r) => r.text.startsWith("rapk · versi"));
      expect(footers.length).toBe(pages.length);
      const underFooter = footers.flatMap((footer) => runs.filter((r) => r.page === footer.page && r.bottom < footer.bottom + 9 && !r.text.startsWith("rapk · ") && !footer.text.includes(r.text)));
      const text = runs.map((r) => r.text).join(" ").replace(/\s+/g, " ");
      expect(budgets.length).toBeGreaterThan(10);
      return {
        text,
        // Every amount of the ANGGARAN column not found whole in the PDF's text; the Total (and the recorded pagu beside it), on the last page.
        notWhole: budgets.filter((figure) => !whole(text, figure)),
        totalsOnLastPage: [`Total ${totals![0]}`, ...totals!.slice(1)].map((figure) => whole(lastPage, figure)),
        pastTheEdge: runs.filter((r) => r.right > rightEdge + 0.5).map((r) => `page ${r.page}: ${r.text}`),
        underFooter: underFooter.map((r) => `page ${r.page}: ${r.text}`),
      };
    }
    // The bundled history's newest plan is a revised RAPK (version 5 of kind rapk, effective 15 April 2024), with an amount computed beside a stated one.
    const revised = await printed("");
    expect(revised.text).toContain("Revisi ke-1, 15 April 2024");
    expect(revised.text).toContain("Total 4.801.300.000");
    expect(revised.text).toMatch(/dihitung 154\.838\.000/);
    expect(revised.pastTheEdge).toEqual([]);
    expect(revised.notWhole).toEqual([]);
    expect(revised.totalsOnLastPage).toEqual([true]);
    expect(revised.underFooter).toEqual([]);
    // The plan as first signed says nothing of a revision.
    const signed = await printed("#src=example&v=4");
    expect(signed.text).not.toContain("Revisi ke-");
    expect(signed.pastTheEdge).toEqual([]);
    expect(signed.notWhole).toEqual([]);
    // A Revisi DIPA's ceiling beside the lines' Total, on the last page, whole.
    const raised = join(session.scratch, "revisi-dipa.ndjson");
    writeFileSync(raised, planWithRaisedCeiling(4_851_300_000));
    const dipa = await printed("", raised);
    expect(dipa.text).toMatch(/Total 4\.801\.300\.000 pagu tercatat 4\.851\.300\.000/);
    expect(dipa.pastTheEdge).toEqual([]);
    expect(dipa.notWhole).toEqual([]);
    expect(dipa.totalsOnLastPage).toEqual([true, true]);
    expect(dipa.underFooter).toEqual([]);
  });

  it("prints the quarterly report to a real Chromium PDF on A4 landscape: its own layout, the tab's figures, both absorptions, the signatory, every page's footer", async () => {
    await openViewer("#src=example&tab=quarter&q=2");
    await page.getByRole("heading", { name: /Laporan kinerja triwulan 2 \(April–Juni\)/ }).waitFor();
    const tab = await page.locator("table.quarter-table tbody tr").evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByRole("button", { name: "Cetak laporan triwulan (PDF)" }).click();
    await page.locator(".print-root article.rapk-print.rapk-quarter").waitFor({ state: "attached" });
    const { pages, runs } = await pdfRuns(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    for (const size of pages) expect([Math.round(size.width), Math.round(size.height)]).toEqual([842, 595]);
    const text = runs.map((r) => r.text).join(" ").replace(/\s+/g, " ");
    expect(text).toContain("LAPORAN KINERJA TRIWULAN II TAHUN 2024");
    expect(text).not.toContain("INDIKATOR KINERJA KEGIATAN TARGET B01");
    for (const month of [4, 5, 6]) expect(text).toContain(`REALISASI ${monthCode(month)}`);
    // A month counted from a numerator and a denominator shows them.
    expect(text).toMatch(/\d+(,\d+)? \(\d+(,\d+)?\/\d+(,\d+)?\)/);
    // The tab's achievement and share of the year, rounded as the PDF rounds them, each in the PDF.
    const figures = tab.flatMap((cells) => [cells[2]!, cells[5]!]).filter((figure) => figure !== "–");
    expect(figures.length).toBeGreaterThan(10);
    expect(figures.filter((figure) => !text.includes(figure))).toEqual([]);
    expect(text).toMatch(/Penyerapan terhadap pagu DIPA \(Rp4\.\d{3}\.\d{3}\.\d{3}\)/);
    expect(text).toContain("Penyerapan terhadap pagu baris anggaran yang dirinci");
    expect(text).toMatch(/Rejang Lebong, \d+ \w+ 2024/);
    const footers = runs.filter((r) => r.text.startsWith("rapk · versi"));
    expect(footers.map((r) => r.page)).toEqual(pages.map((_, i) => i + 1));
    // Nothing runs under a page's footer, nor past the right margin.
    expect(footers.flatMap((footer) => runs.filter((r) => r.page === footer.page && r.bottom < footer.bottom + 9 && !footer.text.includes(r.text)).map((r) => `page ${r.page}: ${r.text}`))).toEqual([]);
    const rightEdge = pages[0]!.width - (10 / 25.4) * 72;
    expect(runs.filter((r) => r.right > rightEdge + 0.5).map((r) => `page ${r.page}: ${r.text}`)).toEqual([]);
    // Its first page as it prints (asked again: the PDF's printing has ended), A4 landscape at 96 dpi.
    await page.getByRole("button", { name: "Cetak laporan triwulan (PDF)" }).click();
    await page.locator(".print-root article.rapk-print.rapk-quarter").waitFor({ state: "attached" });
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 1123, height: 794 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, "quarter-print.png") });
  });

  it("downloads the plan as XLSX (figures as numbers) and as the CSV template", async () => {
    await openViewer();
    const xlsx = await downloadBy("Unduh XLSX");
    expect(xlsx.name).toMatch(/^rapk-loka-pom-rejang-lebong-2024-v\d+\.xlsx$/);
    const book = await workbook(xlsx.bytes);
    expect(book.worksheets.map((s) => s.name)).toEqual(["RAPK", "Anggaran", "Capaian"]);
    const total = book.getWorksheet("RAPK")!.getColumn(2).values.findIndex((v) => v === "Total");
    expect(book.getWorksheet("RAPK")!.getRow(total).getCell(16).value).toBe(4_801_300_000);
    const csv = await downloadBy("Unduh CSV");
    expect(csv.name).toMatch(/\.csv$/);
    // The import template (rapk reads it back): its format tag, then the plan's rows.
    expect(csv.bytes.toString("utf8").split(/\r?\n/)[0]).toBe("#rapk_csv,1");
    expect(csv.bytes.toString("utf8")).toContain("DR.3165.QIA.005");
  });

  it("shows quarter 2 with its June figures and downloads it as XLSX", async () => {
    await openViewer();
    await page.getByRole("tab", { name: "Triwulan" }).click();
    await page.getByRole("heading", { name: /Laporan kinerja triwulan 2 \(April–Juni\)/ }).waitFor();
    const rows = page.locator("table.quarter-table tbody tr");
    expect(await rows.count()).toBe(17);
    await expect(page.locator("table.quarter-table").textContent()).resolves.toContain("Sangat Baik");
    await shoot("quarter");
    const xlsx = await downloadBy("Unduh laporan triwulan (XLSX)");
    const book = await workbook(xlsx.bytes);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Keterangan", "Capaian TW2", "Anggaran TW2", "Catatan"]);
    const screenRows = await rows.locator("th").allTextContents();
    const sheetIds = (book.getWorksheet("Capaian TW2")!.getColumn(1).values as unknown[]).slice(2);
    expect(sheetIds).toEqual(screenRows.map((r) => r.split(" ")[0]));
  });

  it("compares with a second file: matched by ids, what one side lacks shown as added, changes downloadable", async () => {
    await openViewer();
    await page.getByRole("tab", { name: "Bandingkan" }).click();
    const other = join(session.scratch, "rapk-2024-revisi.ndjson");
    writeFileSync(other, planWithNewIndicator());
    await page.locator("#other-file-input").setInputFiles(other);
    await page.getByText("Dibandingkan dengan rapk-2024-revisi.ndjson").waitFor();
    // The other file's own chain check is shown beside it (the seed and its revision: 2 versions).
    await expect(page.locator(".compare-other .trust.ok").textContent()).resolves.toContain("2 versi");
    const added = page.locator("tr.change-added");
    await expect(added.first().textContent()).resolves.toContain("hanya di satu sisi");
    await expect(page.locator("table.changes").textContent()).resolves.toContain("01.08");
    await shoot("compare-files");
    const csv = await downloadBy("Unduh perubahan (CSV)");
    const lines = csv.bytes.toString("utf8").trim().split("\r\n");
    expect(lines[0]).toBe("kind;subject;before;after;change");
    expect(lines.length - 1).toBe(await page.locator("table.changes tbody tr").count());
    expect(lines.some((l) => l.startsWith("indicator-added;01.08;"))).toBe(true);
    const xlsx = await workbook((await downloadBy("Unduh perubahan (XLSX)")).bytes);
    expect(xlsx.getWorksheet("Perubahan")!.rowCount - 1).toBe(lines.length - 1);
    // And back to this file's own versions.
    await page.getByRole("button", { name: "Kembali ke versi berkas ini" }).click();
    await expect(page.getByRole("combobox", { name: "Dari versi" }).count()).resolves.toBe(1);
  });

  it("keeps the view in the URL: a link opens the same version, tab and compare pair, of a bundled source", async () => {
    await openViewer();
    await page.getByRole("tab", { name: "Bandingkan" }).click();
    await page.getByRole("combobox", { name: "Dari versi" }).selectOption("2");
    await page.getByRole("combobox", { name: "Ke versi" }).selectOption("4");
    await page.getByRole("slider", { name: "Versi" }).focus();
    await page.keyboard.press("Home");
    for (let i = 1; i < 5; i++) await page.keyboard.press("ArrowRight");
    // The app writes the hash after it renders: on a busy machine that is a moment after the key press.
    await expect.poll(() => new URL(page.url()).hash, { timeout: 10_000 }).toBe("#src=example&v=5&tab=compare&from=2&to=4");
    const link = page.url();
    const first = page;
    await openViewer(new URL(link).hash);
    await expect.poll(() => page.getByRole("slider", { name: "Versi" }).inputValue(), { timeout: 10_000 }).toBe("5");
    await expect.poll(() => page.getByRole("tab", { name: "Bandingkan", selected: true }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByRole("combobox", { name: "Dari versi" }).inputValue(), { timeout: 10_000 }).toBe("2");
    await expect.poll(() => page.getByRole("combobox", { name: "Ke versi" }).inputValue(), { timeout: 10_000 }).toBe("4");
    expect(page.url()).toBe(link);
    await first.close();
    // The bundled seed compared with the history, and the quarter tab, by link alone.
    await page.close();
    await openViewer("#src=example&tab=compare&other=seed");
    await page.getByText("Dibandingkan dengan loka-pom-rejang-lebong-2024.ndjson").waitFor();
    await page.close();
    await openViewer("#src=seed&tab=quarter&q=3");
    await page.getByRole("heading", { name: /triwulan 3 \(Juli–September\)/ }).waitFor();
    expect(await page.getByRole("slider", { name: "Versi" }).getAttribute("max")).toBe("1");
  });

  it("fits a 375 px phone on every tab: no sideways scroll of the page, wide tables scroll in their own frame", async () => {
    await openViewer("", { width: 375 });
    for (const tab of ["Dokumen", "Bandingkan", "Anggaran", "Capaian", "Anggota", "Bukti dukung", "Triwulan"]) {
      await page.getByRole("tab", { name: tab }).click();
      // The Members, Evidence and Quarter panels load when their tab is first opened.
      if (tab === "Anggota") await page.getByRole("heading", { name: /^Anggota pada versi/ }).waitFor();
      if (tab === "Bukti dukung") await page.getByRole("heading", { name: "Bukti dukung yang dikutip laporan" }).waitFor();
      if (tab === "Triwulan") await page.getByRole("heading", { name: /^Laporan kinerja triwulan/ }).waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${tab}: page is ${width} px wide`).toBeLessThanOrEqual(375);
      if (tab === "Dokumen") {
        await shoot("phone");
        await page.evaluate(() => document.querySelector(".views")!.scrollIntoView());
        await page.screenshot({ path: join(SCREENSHOTS, "phone-document.png") });
      }
    }
    const frame = await page.evaluate(() => {
      const scroller = document.querySelector(".tab-panel .table-scroll")!;
      return { scroll: scroller.scrollWidth, client: scroller.clientWidth };
    });
    expect(frame.scroll).toBeGreaterThan(frame.client);
  });

  it("has no accessibility violations (axe-core) on any tab, in Indonesian and in English", async () => {
    await openViewer("", { bypassCSP: true });
    await page.addScriptTag({ content: axe.source });
    const found: string[] = [];
    for (const language of ["id", "en"] as const) {
      if (language === "en") await page.getByRole("button", { name: "English" }).click();
      const tabs = language === "id" ? ["Dokumen", "Bandingkan", "Anggaran", "Capaian", "Triwulan", "Anggota", "Bukti dukung"] : ["Document", "Compare", "Budget", "Achievement", "Quarter", "Members", "Evidence"];
      for (const tab of tabs) {
        await page.getByRole("tab", { name: tab }).click();
        // The panels loaded when their tab is first opened, there before axe looks.
        if (tab === "Anggota" || tab === "Members") await page.getByRole("heading", { name: /^(Anggota pada versi|Members at version)/ }).waitFor();
        if (tab === "Triwulan" || tab === "Quarter") await page.getByRole("heading", { name: /^(Laporan kinerja triwulan|Quarterly performance report)/ }).waitFor();
        if (tab === "Bukti dukung" || tab === "Evidence") await page.getByRole("heading", { name: /^(Bukti dukung yang dikutip|Evidence cited)/ }).waitFor();
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] });
          return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
        });
        for (const v of violations) found.push(`${language}/${tab}: ${v}`);
      }
    }
    expect(found).toEqual([]);
  });
});
