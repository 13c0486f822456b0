import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import axe from "axe-core";
import { type Signer, auditLog } from "@rapk/history";
import { checkSignature } from "@rapk/history/signing";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SCREENSHOTS, browserSession } from "./session.js";
import { type KeyHolder, type WorkbenchServer, startWorkbenchServer } from "./workbenchServer.js";

const session = browserSession("rapk-viewer-workbench-");
let server: WorkbenchServer;
const errors: string[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startWorkbenchServer(inject("dist"));
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await server?.stop();
});

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

describe("the workbench on rapk serve: the officer reports June, the head approves it, each signing with their own key", () => {
  it("the officer signs in, sees the plan's roll-up, fills June's report with an evidence file and proposes it (prepared by the server, signed in the browser)", async () => {
    const page = await signedIn(server.members.officer);
    const row = page.locator("table.wb-plans tbody tr");
    await expect(row.getByText("Rp3.838.612.000").count()).resolves.toBe(1);
    await expect(row.getByText("perencana").count()).resolves.toBe(1);
    await shoot(page, "plans");
    await openPlan(page);
    await page.getByLabel("Bulan", { exact: true }).selectOption("6");
    await page.getByLabel(/^Pembilang: 01\.01 /).fill("23");
    await page.getByLabel(/^Penyebut: 01\.01 /).fill("36");
    // The value as core checks it, computed as typed.
    expect(await page.getByLabel(/^Nilai: 01\.01 /).textContent()).toBe("63,89");
    await page.getByText(/Catatan, hambatan, rencana tindak lanjut: 01\.01/).click();
    await page.getByLabel(/^Hambatan: 01\.01 /).fill("Dua sampel terlambat dikirim");
    await page.getByLabel(/^Rencana tindak lanjut: 01\.01 /).fill("Jadwal pengiriman dimajukan");
    await page.getByLabel(`Jumlah (Rupiah): ${LINE} PENGADAAN SAMPEL`).fill("12.500.000");
    const receipt = join(session.scratch, "kwitansi-juni.pdf");
    writeFileSync(receipt, RECEIPT);
    await page.getByLabel("Berkas bukti dukung (dilampirkan pada laporan)").setInputFiles(receipt);
    const preview = page.getByRole("region", { name: "Yang akan diusulkan" });
    await preview.getByText(/Realisasi 01\.01 .*Juni: 63,89 \(23\/36\)/).waitFor();
    await preview.getByText(`Anggaran ${LINE} PENGADAAN SAMPEL, Juni: Rp12.500.000`).waitFor();
    await page.evaluate(() => document.getElementById("report-title")?.scrollIntoView());
    await shoot(page, "report");
    await preview.screenshot({ path: join(SCREENSHOTS, "workbench-report-preview.png") });
    await page.getByRole("button", { name: "Usulkan dan tandatangani" }).click();
    await page.getByText(/Diusulkan: proposal 1 \(report\) by siti\.rahma, 2 commands/).waitFor({ timeout: 15_000 });
    await page.getByText("pada versi 3").waitFor();
    await shoot(page, "proposed");
    expect(errors.splice(0)).toEqual([]);
  });

  it("the head signs in in a browser of their own, finds it in the inbox with its evidence, downloads the receipt byte for byte, and approves it", async () => {
    const page = await signedIn(server.members.head, true);
    await openPlan(page);
    const card = page.getByRole("article", { name: "Usulan 1 (report) oleh Siti Rahma" });
    await card.waitFor({ timeout: 15_000 });
    await card.getByText(/Realisasi 01\.01 .*Juni: 63,89 \(23\/36\)/).waitFor();
    await card.getByText("Hambatan: Dua sampel terlambat dikirim").waitFor();
    await card.getByText(`Anggaran ${LINE} PENGADAAN SAMPEL, Juni: Rp12.500.000`).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: /^Unduh kwitansi-juni\.pdf/ }).click()]);
    expect(download.suggestedFilename()).toBe("kwitansi-juni.pdf");
    expect(readFileSync((await download.path())!).equals(RECEIPT)).toBe(true);
    await shoot(page, "inbox");
    expect(await axeViolations(page)).toEqual([]);
    await card.getByRole("button", { name: "Setujui dan tandatangani" }).click();
    await page.getByText("Usulan 1 disetujui.").waitFor({ timeout: 15_000 });
    await page.getByText("Tidak ada usulan yang menunggu.").waitFor();
    await page.getByText(/Usulan 1 \(report\) oleh Siti Rahma: disetujui oleh Kepala Loka/).waitFor();
    await shoot(page, "approved");
    // In English too.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByText(/Proposal 1 \(report\) by Siti Rahma: approved by Kepala Loka/).waitFor();
    expect(errors.splice(0)).toEqual([]);
  });

  it("the log the server wrote verifies without it, pinned to the head's key, the proposal signed by the officer and its approval by the head", () => {
    const signers: (readonly Signer[])[] = [];
    const audit = auditLog(server.logText(), { checkSignature, root: server.members.head.key.publicKey, onVersion: (version) => signers.push(version.signers ?? []) });
    expect(audit.problems).toEqual([]);
    expect(audit.versions).toBe(4);
    const keys = signers.map((version) => version.map((signer) => signer.publicKey));
    expect(keys.slice(1)).toEqual([[server.members.head.key.publicKey], [server.members.officer.key.publicKey], [server.members.head.key.publicKey]]);
    // What left the browsers were signatures: no secret key is anywhere in what the server wrote.
    for (const who of [server.members.officer, server.members.head]) expect(server.logText()).not.toContain(who.key.secretKey);
  });
});
