/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions handed to page.evaluate run in the browser.)
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { launchChromium } from "../../../../apps/viewer/test/e2e/browser.js";
import { serveStatic } from "../../../../apps/viewer/test/e2e/staticServer.js";
import { type CpuProfile, topFrames } from "../cpuProfile.js";
import { browserHashing } from "./browserHash.js";
import { SHAPES, generateHistory } from "../generate.js";
import { median, percentile } from "../measure.js";
import { generateSigningKey, signHead } from "@rapk/history/signing";
import { type Row, goalRow, ms } from "../report.js";
import { writeV2Log } from "../storedLog.js";

const EVENTS = 100_000;
const OPENS = 3;

/** The log at `file` with every commit record signed (one key), written beside it: what a unit that signs every version keeps. */
function signedCopy(file: string): { file: string; signatures: number } {
  const key = generateSigningKey();
  const lines = readFileSync(file, "utf8").trimEnd().split("\n");
  const signed = lines.map((line) => {
    if (!line.includes('"commit":')) return line;
    const record = JSON.parse(line) as { hash: string };
    return JSON.stringify({ ...record, signature: signHead(record.hash, key.secretKey) });
  });
  const out = file.replace(/\.ndjson$/, "-signed.ndjson");
  writeFileSync(out, `${signed.join("\n")}\n`);
  return { file: out, signatures: lines.filter((line) => line.includes('"commit":')).length };
}

/**
 * Chooses the log in the page's file input and waits for its document: milliseconds from the
 * input's `change` event (the moment the user has chosen) to the first animation frame in which
 * the chain is announced verified and the document table of the newest version is in the page
 * (`shownMs`); then to the frame in which the timeline no longer says that earlier versions are
 * arriving (`everyVersionMs`: the page has every version's plan; the scrub starts there).
 */
async function openLog(page: Page, file: string, events: number): Promise<{ shownMs: number; everyVersionMs: number }> {
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>("#file-input")!;
    input.addEventListener("change", () => ((window as unknown as { chosenAt: number }).chosenAt = performance.now()), { capture: true, once: true });
  });
  await page.locator("#file-input").setInputFiles(file);
  const shown = await page.waitForFunction(
    (count) => {
      const verified = [...document.querySelectorAll(".trust.ok")].some((banner) => banner.textContent?.includes(`${count} `));
      const failed = document.querySelector(".load-error, .trust.broken");
      if (failed) return `failed: ${failed.textContent}`;
      return verified && document.querySelector("table.rapk tbody tr.indicator") ? performance.now() - (window as unknown as { chosenAt: number }).chosenAt : false;
    },
    events,
    { polling: "raf", timeout: 120_000 },
  );
  const value = await shown.jsonValue();
  if (typeof value !== "number") throw new Error(`the viewer did not open the log: ${String(value)}`);
  const complete = await page.waitForFunction(
    () => (document.querySelector(".timeline .arriving") ? false : performance.now() - (window as unknown as { chosenAt: number }).chosenAt),
    undefined,
    { polling: "raf", timeout: 120_000 },
  );
  return { shownMs: value, everyVersionMs: (await complete.jsonValue()) as number };
}

/**
 * Scrubs the timeline as a drag does, one version a step, from the first version to the last and
 * back: per step, milliseconds from the slider's input event to the next animation frame after
 * the document shows the new version (state, projections, Preact's update, style and layout
 * the frame needs).
 */
function scrub(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const slider = document.querySelector<HTMLInputElement>("#version-slider")!;
    const output = document.querySelector("output.slider-value")!;
    const max = Number(slider.max);
    const frame = () => new Promise((done) => requestAnimationFrame(() => done(null)));
    const times: number[] = [];
    const steps = [...Array.from({ length: max }, (_, i) => i + 1), ...Array.from({ length: max - 1 }, (_, i) => max - 1 - i)];
    for (const v of steps) {
      const start = performance.now();
      slider.value = String(v);
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      while (!output.textContent!.includes(` ${v} `)) await new Promise((done) => setTimeout(done, 0));
      // Forces the style and layout of the new document, as the frame that paints it does.
      void document.body.offsetHeight;
      await frame();
      times.push(performance.now() - start);
    }
    return times;
  });
}

/**
 * Runs `work` under the page's CPU profiler when RAPK_VIEWER_PROFILE is set: the top frames (self
 * time, main thread) are logged, and the profile is written to that folder for DevTools.
 */
async function profiled<T>(page: Page, name: string, log: (message: string) => void, work: () => Promise<T>): Promise<T> {
  const folder = process.env.RAPK_VIEWER_PROFILE;
  if (!folder) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.start");
  const result = await work();
  const { profile } = (await cdp.send("Profiler.stop")) as { profile: CpuProfile };
  await cdp.detach();
  writeFileSync(join(folder, `viewer-${name}.cpuprofile`), JSON.stringify(profile));
  log(`viewer: ${name}, main thread's top frames:\n    ${topFrames(profile).join("\n    ")}`);
  return result;
}

/**
 * The parsing worker opening the log on its own: a worker of the built app's parse-worker.js,
 * started by the bench (the app terminates its worker as soon as it answers, and its heap and
 * profile with it), paused at its start until the protocol is attached. Answers the worker's
 * JavaScript heap in use once it has answered (MiB, before a forced collection; not its peak);
 * with RAPK_VIEWER_PROFILE, its CPU profile too.
 */
async function workerOnItsOwn(page: Page, file: string, log: (message: string) => void): Promise<number> {
  const folder = process.env.RAPK_VIEWER_PROFILE;
  const cdp = await page.context().newCDPSession(page);
  let id = 0;
  const replies = new Map<number, (result: unknown) => void>();
  const call = (sessionId: string, method: string, params: object = {}) =>
    new Promise<unknown>((done) => {
      replies.set(++id, done);
      void cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  cdp.on("Target.receivedMessageFromTarget", ({ message }) => {
    const reply = JSON.parse(message) as { id?: number; result?: unknown };
    if (reply.id !== undefined) replies.get(reply.id)?.(reply.result);
  });
  const attached = new Promise<string>((done) =>
    cdp.on("Target.attachedToTarget", async ({ sessionId, waitingForDebugger }) => {
      // Only the worker started below waits at its start: a worker the page had already (the
      // app's spare parsing worker, started ahead for the next file) is attached too, running.
      if (!waitingForDebugger) return;
      if (folder) {
        await call(sessionId, "Profiler.enable");
        await call(sessionId, "Profiler.start");
      }
      await call(sessionId, "Runtime.runIfWaitingForDebugger");
      done(sessionId);
    }),
  );
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  await page.evaluate(() => {
    const input = Object.assign(document.createElement("input"), { type: "file", id: "bench-file" });
    document.body.append(input);
    const worker = new Worker("./assets/parse-worker.js", { type: "module" });
    Object.assign(window, { benchWorker: worker, benchDone: false });
    worker.onmessage = () => Object.assign(window, { benchDone: true });
  });
  const session = await attached;
  await page.locator("#bench-file").setInputFiles(file);
  await page.evaluate(() => {
    const { benchWorker } = window as unknown as { benchWorker: Worker };
    benchWorker.postMessage({ file: document.querySelector<HTMLInputElement>("#bench-file")!.files![0] });
  });
  await page.waitForFunction(() => (window as unknown as { benchDone: boolean }).benchDone, undefined, { timeout: 120_000 });
  const { usedSize } = (await call(session, "Runtime.getHeapUsage")) as { usedSize: number };
  if (folder) {
    const { profile } = (await call(session, "Profiler.stop")) as { profile: CpuProfile };
    writeFileSync(join(folder, "viewer-open-worker.cpuprofile"), JSON.stringify(profile));
    log(`viewer: the parsing worker opening the log, top frames:\n    ${topFrames(profile, 20).join("\n    ")}`);
  }
  await page.evaluate(() => (window as unknown as { benchWorker: Worker }).benchWorker.terminate());
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** The page's JavaScript heap in use after a full collection, in MiB (Chrome DevTools Protocol). */
async function heapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/**
 * The viewer in headless Chromium (the browser the end-to-end tests use) on the agency's year as a
 * v2 log (100,000 events, about 30 MB): the built app (apps/viewer/dist, `pnpm build`) served as
 * a static site, the log chosen in the file input; the median of three opens, each in a fresh
 * page; then the timeline scrubbed over every version forward and back. A missing browser or
 * build fails the suite (its goals count as missed), never skips it.
 */
export async function viewerSuite(log: (message: string) => void): Promise<Row[]> {
  const dist = fileURLToPath(new URL("../../../apps/viewer/dist/", import.meta.url));
  if (!existsSync(join(dist, "index.html"))) throw new Error(`${dist}index.html is missing: run pnpm build first (the benchmark opens the built viewer)`);
  const folder = mkdtempSync(join(tmpdir(), "rapk-bench-viewer-"));
  const { server, url } = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    log(`viewer: writing a ${EVENTS}-event v2 log`);
    const file = writeV2Log(join(folder, "agency.ndjson"), generateHistory(SHAPES.agency), EVENTS);
    const megabytes = statSync(file).size / 2 ** 20;
    log(`viewer: ${megabytes.toFixed(1)} MiB; ${browser.version()}; opening it ${OPENS} times`);
    const opens: number[] = [];
    const everyVersion: number[] = [];
    let page: Page | undefined;
    let heapBefore = 0;
    for (let round = 0; round < OPENS; round++) {
      await page?.close();
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(url);
      await page.locator(".trust.ok").waitFor({ timeout: 60_000 });
      heapBefore = await heapMiB(page);
      const opening = page;
      const { shownMs, everyVersionMs } = await profiled(opening, `open-${round + 1}`, log, () => openLog(opening, file, EVENTS));
      opens.push(shownMs);
      everyVersion.push(everyVersionMs);
      log(`viewer: opened in ${ms(shownMs)}, every version there at ${ms(everyVersionMs)}`);
    }
    const open = page as Page;
    const held = (await heapMiB(open)) - heapBefore;
    // The same log signed: the worker loads the curve code (import()) and checks every signature.
    const signed = signedCopy(file);
    const signedOpens: number[] = [];
    for (let round = 0; round < OPENS; round++) {
      const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await fresh.goto(url);
      await fresh.locator(".trust.ok").waitFor({ timeout: 60_000 });
      const { shownMs } = await openLog(fresh, signed.file, EVENTS);
      if (!(await fresh.locator(".trust.ok").first().textContent())?.includes("tanda tangan diperiksa")) throw new Error("the signed log opened without its signatures checked");
      signedOpens.push(shownMs);
      log(`viewer: the signed log opened in ${ms(shownMs)}`);
      await fresh.close();
    }
    log(`viewer: the page holds ${held.toFixed(0)} MiB more with the log open; scrubbing`);
    const steps = await profiled(open, "scrub", log, () => scrub(open));
    const workerMiB = await workerOnItsOwn(open, file, log);
    log(`viewer: the parsing worker's heap once it has answered: ${workerMiB.toFixed(0)} MiB`);
    await open.close();
    log("viewer: hashing 20,000 of the log's lines in a worker: @noble/hashes vs crypto.subtle");
    const hashing = await browserHashing(browser, folder, readFileSync(file, "utf8").split("\n", 20_000));
    const subtle = Object.entries(hashing.subtleUs).map(([batch, us]) => `${us.toFixed(1)} µs ${batch === "1" ? "one at a time" : `${batch} at once`}`);
    const p50 = percentile(steps, 50);
    const p95 = percentile(steps, 95);
    const openMs = median(opens);
    const everyVersionMs = median(everyVersion);
    return [
      goalRow("viewer-open", openMs, `median ${ms(openMs)} of ${OPENS} (${opens.map(ms).join(", ")}), ${megabytes.toFixed(1)} MiB log; every version's plan there at ${ms(everyVersionMs)} (median); the page holds ${held.toFixed(0)} MiB more once open, the parsing worker ${workerMiB.toFixed(0)} MiB at its end`, { events: EVENTS, logMiB: megabytes, medianMs: openMs, minMs: Math.min(...opens), maxMs: Math.max(...opens), everyVersionMs, heldMiB: held, workerMiB }),
      {
        name: "hashing a log line in Chromium's worker: @noble/hashes vs crypto.subtle.digest (awaited one at a time, or in concurrent batches)",
        measured: `noble ${hashing.nobleUs.toFixed(1)} µs; subtle ${subtle.join(", ")} (per line, ${hashing.lines} lines of ${hashing.meanChars.toFixed(0)} characters)`,
        goal: "report",
        figures: { nobleUs: hashing.nobleUs, ...Object.fromEntries(Object.entries(hashing.subtleUs).map(([batch, us]) => [`subtleUs${batch}`, us])) },
      },
      goalRow("viewer-open-signed", median(signedOpens), `median ${ms(median(signedOpens))} of ${OPENS} (${signedOpens.map(ms).join(", ")}), the same log with its ${signed.signatures} commit records signed`, { medianMs: median(signedOpens), minMs: Math.min(...signedOpens), maxMs: Math.max(...signedOpens) }),
      goalRow("viewer-scrub", p95, `p50 ${ms(p50)}, p95 ${ms(p95)}, max ${ms(Math.max(...steps))} over ${steps.length} steps (every version forward, then back)`, { steps: steps.length, p50Ms: p50, p95Ms: p95, maxMs: Math.max(...steps) }),
    ];
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
    rmSync(folder, { recursive: true, force: true });
  }
}
