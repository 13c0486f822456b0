import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import axe from "axe-core";
import { type Signer, auditVersions } from "@rapk/history";
import { checkSignature } from "@rapk/history/signing";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SCREENSHOTS, browserSession } from "./session.js";
import { type KeyHolder, type WorkbenchServer, type WorkbenchStore, startWorkbenchServer } from "./workbenchServer.js";

const session = browserSession("rapk-viewer-workbench-");
let server: WorkbenchServer;
const errors: string[] = [];
const contexts: BrowserContext[] = [];


const shoot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `workbench-${name}.png`), fullPage: false });

/**
 * A member's own browser (a context of its own: its own cookie), on the workbench the server
 * serves, signed in with their key file. `bypassCSP` only so that axe-core's script can be added.
 */
async function signedIn(who: KeyHolder, bypassCSP = false): Promise<Page> {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, bypassCSP });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(`${server.url}/workbench.html`);
  await page.getByLabel("Berkas kunci (JSON dari rapk keygen)").setInputFiles(who.keyFile);
  // By keyboard: from the file input to the sign-in button.
  await page.getByLabel("Berkas kunci (JSON dari rapk keygen)").focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Rencana Anda" }).waitFor({ timeout: 15_000 });
  await page.getByText(`Masuk sebagai ${who.name}`).waitFor();
  return page;
}

async function openPlan(page: Page): Promise<void> {
  await page.getByRole("button", { name: `Buka ${server.plan}` }).click();
  await page.getByRole("tablist", { name: "Bagian" }).waitFor({ timeout: 15_000 });
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
}

const LINE = "DR.3165.QIA.005.053.A";
const RECEIPT = Buffer.from("%PDF-1.4\n% kwitansi pengadaan sampel Juni 2024\n%%EOF\n");

/** The page never scrolls sideways (wide tables scroll in their own frame). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** June's report as the officer types it: 01.01 as 23 of 36 with its hambatan and tindak lanjut, a line's spending, the receipt. */
async function fillJune(page: Page, numerator: string): Promise<void> {
  await page.getByLabel("Bulan", { exact: true }).selectOption("6");
  await page.getByLabel(/^Pembilang: 01\.01 /).fill(numerator);
  await page.getByLabel(/^Penyebut: 01\.01 /).fill("36");
  await page.getByText(/Catatan, hambatan, rencana tindak lanjut: 01\.01/).click();
  await page.getByLabel(/^Hambatan: 01\.01 /).fill("Dua sampel terlambat dikirim");
  await page.getByLabel(/^Rencana tindak lanjut: 01\.01 /).fill("Jadwal pengiriman dimajukan");
  await page.getByLabel(`Jumlah (Rupiah): ${LINE} PENGADAAN SAMPEL`).fill("12.500.000");
  const receipt = join(session.scratch, "kwitansi-juni.pdf");
  writeFileSync(receipt, RECEIPT);
  await page.getByLabel("Berkas bukti dukung (dilampirkan pada laporan; boleh lebih dari satu)").setInputFiles(receipt);
}

let officer: Page;
let head: Page;

// The same flow on each store `rapk serve` keeps plans in: a folder of logs, and PostgreSQL.
const STORES: readonly { readonly kind: WorkbenchStore; readonly name: string }[] = [
  { kind: "folder", name: "a folder of logs" },
  { kind: "postgres", name: "a throwaway PostgreSQL" },
];

describe.each(STORES)("the workbench on rapk serve on $name: the head adds the officer, the officer reports June, the head returns it, the officer corrects it, the head approves, each signing with their own key", ({ kind }) => {
  beforeAll(async () => {
    server = await startWorkbenchServer(inject("dist"), kind);
  });
  afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await server?.stop();
  });

  it("the head signs in and adds the officer from the public entry their rapk keygen printed, a roster step signed by the head's key", async () => {
    head = await signedIn(server.members.head, true);
    await openPlan(head);
    await head.getByRole("tab", { name: "Anggota" }).click();
    const roster = head.getByRole("table", { name: "Anggota rencana (roster pada versi ini)" });
    await roster.getByRole("row", { name: /kepala\.loka/ }).waitFor();
    expect(await roster.getByRole("row", { name: /siti\.rahma/ }).count()).toBe(0);
    const { officer: newcomer } = server.members;
    // What `rapk keygen` prints: the public entry, handed to the head as a file.
    const entry = join(session.scratch, "siti.rahma.pub.json");
    writeFileSync(entry, `${JSON.stringify({ name: newcomer.name, publicKey: newcomer.key.publicKey })}\n`);
    await head.getByLabel("…atau pilih berkas entri publik").setInputFiles(entry);
    await head.getByLabel("ID anggota").fill(newcomer.member);
    await head.getByLabel("Peran").selectOption("officer");
    await head.getByText(`Menambah Siti Rahma sebagai siti.rahma (perencana), kunci ed25519:${newcomer.key.publicKey.slice(0, 16)}`).waitFor();
    await shoot(head, "members");
    expect(await axeViolations(head)).toEqual([]);
    await head.getByRole("button", { name: "Tambah dan tandatangani" }).click();
    await head.getByText(/^Ditambahkan: adds siti\.rahma \(officer\)/).waitFor({ timeout: 15_000 });
    await roster.getByRole("row", { name: /siti\.rahma/ }).waitFor({ timeout: 15_000 });
    await head.getByText("pada versi 3").waitFor();
    expect(errors.splice(0)).toEqual([]);
  });

  it("the officer signs in, sees the plan's roll-up, fills June's report with an evidence file and proposes it (prepared by the server, signed in the browser)", async () => {
    officer = await signedIn(server.members.officer);
    const row = officer.locator("table.wb-plans tbody tr");
    await expect(row.getByText("Rp3.838.612.000").count()).resolves.toBe(1);
    await expect(row.getByText("perencana").count()).resolves.toBe(1);
    await shoot(officer, "plans");
    await openPlan(officer);
    await fillJune(officer, "22");
    // The value as core checks it, computed as typed.
    expect(await officer.getByLabel(/^Nilai: 01\.01 /).textContent()).toBe("61,11");
    const preview = officer.getByRole("region", { name: "Yang akan diusulkan" });
    await preview.getByText(/Realisasi 01\.01 .*Juni: 61,11 \(22\/36\)/).waitFor();
    await preview.getByText(`Anggaran ${LINE} PENGADAAN SAMPEL, Juni: Rp12.500.000`).waitFor();
    await officer.getByRole("button", { name: "Usulkan dan tandatangani" }).click();
    await officer.getByText(/Diusulkan: proposal 1 \(report\) by siti\.rahma, 2 commands/).waitFor({ timeout: 15_000 });
    await officer.getByText("pada versi 4").waitFor();
    expect(errors.splice(0)).toEqual([]);
  });

  it("the head's open view, in a browser of their own, finds it in the inbox with its evidence, downloads the receipt byte for byte, and returns it with a reason", async () => {
    await head.getByText(/Versi 4 baru saja masuk/).waitFor({ timeout: 15_000 });
    await head.getByRole("tab", { name: "Persetujuan" }).click();
    const card = head.getByRole("article", { name: "Usulan 1 (report) oleh Siti Rahma" });
    await card.waitFor({ timeout: 15_000 });
    await card.getByText(/Realisasi 01\.01 .*Juni: 61,11 \(22\/36\)/).waitFor();
    await card.getByText("Hambatan: Dua sampel terlambat dikirim").waitFor();
    await card.getByText(/^Pemeriksaan: aturan rencana terpenuhi bila disetujui sekarang/).waitFor();
    await card.getByRole("table", { name: "Yang berubah pada rencana bila disetujui sekarang" }).getByRole("row", { name: /Belanja dilaporkan/ }).waitFor();
    await card.getByText(`Anggaran ${LINE} PENGADAAN SAMPEL, Juni: Rp12.500.000`).waitFor();
    const [download] = await Promise.all([head.waitForEvent("download"), card.getByRole("link", { name: /^Unduh kwitansi-juni\.pdf/ }).click()]);
    expect(download.suggestedFilename()).toBe("kwitansi-juni.pdf");
    expect(readFileSync((await download.path())!).equals(RECEIPT)).toBe(true);
    await shoot(head, "inbox");
    expect(await axeViolations(head)).toEqual([]);
    await card.getByLabel("Alasan pengembalian").fill("Pembilang 01.01 Juni adalah 23 sampel, bukan 22");
    await card.getByRole("button", { name: "Kembalikan" }).click();
    await head.getByText("Usulan 1 dikembalikan.").waitFor({ timeout: 15_000 });
    await head.getByText("Alasan: Pembilang 01.01 Juni adalah 23 sampel, bukan 22").waitFor();
    expect(errors.splice(0)).toEqual([]);
  });

  it("the officer's open view hears of the return live, reads why it came back, corrects the numerator and proposes again; at 375 px the page never scrolls sideways", async () => {
    // Nobody reloads: the server's event stream told the officer's page that the head's version landed.
    await officer.getByText(/Versi 5 baru saja masuk/).waitFor({ timeout: 15_000 });
    await officer.getByText("pada versi 5").waitFor();
    await officer.getByRole("tab", { name: "Persetujuan" }).click();
    await officer.getByText("Alasan: Pembilang 01.01 Juni adalah 23 sampel, bukan 22").waitFor();
    await officer.getByRole("tab", { name: "Laporan bulanan" }).click();
    await fillJune(officer, "23");
    expect(await officer.getByLabel(/^Nilai: 01\.01 /).textContent()).toBe("63,89");
    await officer.evaluate(() => document.getElementById("report-title")?.scrollIntoView());
    await shoot(officer, "report");
    await officer.getByRole("region", { name: "Yang akan diusulkan" }).screenshot({ path: join(SCREENSHOTS, "workbench-report-preview.png") });
    await officer.getByRole("button", { name: "Usulkan dan tandatangani" }).click();
    await officer.getByText(/Diusulkan: proposal 2 \(report\)/).waitFor({ timeout: 15_000 });
    await officer.getByText("pada versi 6").waitFor();
    await shoot(officer, "proposed");
    // The Revisi POK form checks the invariants as typed, with core's decideBatch in the page.
    await officer.getByRole("tab", { name: "Revisi POK" }).click();
    await officer.getByLabel(`Pagu baru: ${LINE} PENGADAAN SAMPEL`).fill("1.000.000");
    await officer.getByText(/LINE_OVER_ALLOCATED/).first().waitFor();
    await officer.evaluate(() => window.scrollTo(0, 0));
    await shoot(officer, "pok");
    await officer.getByRole("tab", { name: "Revisi target" }).click();
    await officer.getByRole("heading", { name: "Revisi target indikator (Revisi RAPK)" }).waitFor();
    await shoot(officer, "targets");
    await officer.setViewportSize({ width: 375, height: 800 });
    expect(await sideways(officer)).toBeLessThanOrEqual(0);
    await officer.evaluate(() => window.scrollTo(0, 0));
    await shoot(officer, "375");
    expect(errors.splice(0)).toEqual([]);
  });

  it("the head's open inbox shows the corrected report live, and the head approves it; in English too", async () => {
    await head.getByText(/Versi 6 baru saja masuk/).waitFor({ timeout: 15_000 });
    const card = head.getByRole("article", { name: "Usulan 2 (report) oleh Siti Rahma" });
    await card.waitFor({ timeout: 15_000 });
    await card.getByText(/Realisasi 01\.01 .*Juni: 63,89 \(23\/36\)/).waitFor();
    await card.getByRole("button", { name: "Setujui dan tandatangani" }).click();
    await head.getByText("Usulan 2 disetujui.").waitFor({ timeout: 15_000 });
    await head.getByText("Tidak ada usulan yang menunggu.").waitFor();
    await head.getByText(/Usulan 2 \(report\) oleh Siti Rahma: disetujui oleh Kepala Loka/).waitFor();
    await head.getByText(/Usulan 1 \(report\) oleh Siti Rahma: dikembalikan oleh Kepala Loka/).waitFor();
    await shoot(head, "approved");
    await head.getByRole("button", { name: "English" }).click();
    await head.getByText(/Proposal 2 \(report\) by Siti Rahma: approved by Kepala Loka/).waitFor();
    expect(await axeViolations(head)).toEqual([]);
    expect(errors.splice(0)).toEqual([]);
  });

  it("axe-core finds nothing on the officer's forms (report, Revisi POK, target revision, approvals), in Indonesian and in English", async () => {
    const page = await signedIn(server.members.officer, true);
    await openPlan(page);
    const found: string[] = [];
    for (const language of ["Bahasa Indonesia", "English"]) {
      await page.getByRole("button", { name: language }).click();
      const tabs = await page.getByRole("tab").all();
      expect(tabs).toHaveLength(4);
      for (const tab of tabs) {
        await tab.click();
        const name = await tab.textContent();
        found.push(...(await axeViolations(page)).map((violation) => `${language}, ${name}: ${violation}`));
      }
    }
    expect(found).toEqual([]);
    // A reload keeps the session (its cookie) but not the key: the page asks for the key file again.
    await page.reload();
    await page.getByText(/Sesi Siti Rahma masih terbuka/).waitFor({ timeout: 15_000 });
    await page.getByLabel("Berkas kunci (JSON dari rapk keygen)").setInputFiles(server.members.officer.keyFile);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await page.getByRole("heading", { name: "Rencana Anda" }).waitFor({ timeout: 15_000 });
    expect(errors.splice(0)).toEqual([]);
  });

  it("the auditor, a third browser, sees who proposed and who decided: the officer and the head", async () => {
    const auditor = await signedIn(server.members.auditor);
    await openPlan(auditor);
    expect(await auditor.getByRole("tab", { name: "Anggota" }).count()).toBe(0);
    await auditor.getByRole("tab", { name: "Persetujuan" }).click();
    await auditor.getByText(/Usulan 2 \(report\) oleh Siti Rahma: disetujui oleh Kepala Loka/).waitFor({ timeout: 15_000 });
    await auditor.getByText(/Usulan 1 \(report\) oleh Siti Rahma: dikembalikan oleh Kepala Loka/).waitFor();
    expect(errors.splice(0)).toEqual([]);
  });

  it("the store's versions verify without the server, pinned to the head's key: the roster versions signed by the head, the proposals signed by the officer, the return and the approval by the head", async () => {
    const signers: (readonly Signer[])[] = [];
    const audit = auditVersions(await server.versions(), { checkSignature, root: server.members.head.key.publicKey, onVersion: (version) => signers.push(version.signers ?? []) });
    expect(audit.problems).toEqual([]);
    expect(audit.versions).toBe(7);
    const { head: byHead, officer: byOfficer } = server.members;
    expect(signers.slice(1).map((version) => version.map((signer) => signer.publicKey))).toEqual([[byHead.key.publicKey], [byHead.key.publicKey], [byOfficer.key.publicKey], [byHead.key.publicKey], [byOfficer.key.publicKey], [byHead.key.publicKey]]);
    // What left the browsers were signatures: no secret key is anywhere in what the server wrote.
    const written = await server.logText();
    for (const who of [byOfficer, byHead]) expect(written).not.toContain(who.key.secretKey);
  });
});
