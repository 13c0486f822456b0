import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { VersionMetadata } from "@rapk/core";
import { sealVersion } from "@rapk/history";
import { NdjsonFileStore } from "@rapk/store/file";
import { SHAPES, generateHistory } from "../generate.js";
import { median } from "../measure.js";
import { type Row, ms } from "../report.js";
import { writeV2Log } from "../storedLog.js";

/**
 * Appending one version to an NDJSON log file through the file store, on a log of about 1,000
 * events and on one of 1,000,000: the append reads the head from the end of the file and writes
 * only the version's lines, so its time follows the version, not the log (issue 11's goal: the
 * two within a small factor), and a larger version costs in proportion.
 */
export async function fileAppendSuite(log: (message: string) => void): Promise<Row[]> {
  const folder = mkdtempSync(join(tmpdir(), "rapk-bench-append-"));
  try {
    log("file append: writing a 1,000,000-event v2 log and a 1,000-event one");
    const history = generateHistory(SHAPES.national);
    const big = writeV2Log(join(folder, "national.ndjson"), history, 1_000_000);
    const small = writeV2Log(join(folder, "unit.ndjson"), history, 1_000);
    const sample = history.flatMap((batch) => batch.events.filter((event) => event.type === "SpendingReported" || event.type === "RealisationReported")).slice(0, 10_000);
    const store = NdjsonFileStore.folder(folder);
    const timeAppends = async (plan: string, size: number, rounds: number) => {
      const times: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const head = await store.head(plan);
        const version = sealVersion(head, sample.slice(0, size), metadata(`2024-12-31T10:${String(round % 60).padStart(2, "0")}:00+07:00`, 10_000 + round));
        const started = performance.now();
        await store.append(plan, version);
        times.push(performance.now() - started);
      }
      return median(times);
    };
    log(`file append: ${Math.round(statSync(big).size / 2 ** 20)} MiB and ${Math.round(statSync(small).size / 2 ** 10)} KiB; timing 10-event versions`);
    const onSmall = await timeAppends("unit", 10, 30);
    const onBig = await timeAppends("national", 10, 30);
    log("file append: timing a 10,000-event version on the large log");
    const largeVersion = await timeAppends("national", 10_000, 5);
    const ratio = onBig / onSmall;
    return [
      {
        name: "file store: append a 10-event version, 1M-event log vs 1k-event log",
        measured: `${ms(onBig)} vs ${ms(onSmall)}`,
        goal: "<= 3x (the log's size does not count)",
        ratio,
        pass: ratio <= 3,
        figures: { appendOn1MMs: onBig, appendOn1kMs: onSmall, ratio },
      },
      {
        name: "file store: append a 10,000-event version to the 1M-event log",
        measured: `${ms(largeVersion)} (${ms(largeVersion / 10_000)} an event)`,
        goal: "report",
        figures: { append10kEventsMs: largeVersion },
      },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function metadata(at: string, n: number): VersionMetadata {
  return { recordedAt: at, effectiveAt: at, actor: "Tim Keuangan", reason: `laporan ${n}`, kind: "report" };
}
