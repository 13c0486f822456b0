import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type StoredEvent, appendRevision, parseLog, serializeLog } from "@rapk/history";

const root = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));

export { SEED_PATH as SEED_TXT } from "../fixtures/seed.js";
export const HISTORY_LOG = root("packages/examples/loka-pom-rejang-lebong-2024-history.ndjson");
export const SEED_LOG = root("packages/examples/loka-pom-rejang-lebong-2024.ndjson");

export function readEvents(path: string): StoredEvent[] {
  const parsed = parseLog(readFileSync(path, "utf8"));
  if (!parsed.ok) throw new Error(`${path}: line ${parsed.error.line}: ${parsed.error.message}`);
  return parsed.value.events;
}

function must(log: StoredEvent[], revision: Parameters<typeof appendRevision>[1]): StoredEvent[] {
  const result = appendRevision(log, revision, { now: () => revision.meta.at ?? "2024-12-31T10:00:00+07:00" });
  if (!result.ok) throw new Error(`fixture revision refused: ${result.error.code} ${result.error.message}`);
  return [...log, ...result.events];
}

/**
 * The real plan followed by a whole year of weekly spending reports (one version a week, each
 * reporting the month to date on every line): 45 versions to scrub through. With `reports` > 1
 * each week reports every line that many times (the last figure stands): a larger log of the
 * same plans.
 */
export function yearOfHistory(reports = 1): string {
  let log = readEvents(SEED_LOG);
  const lines = new Map<string, number>();
  for (const event of log) if (event.type === "BudgetLineRegistered") {
    const d = event.data;
    lines.set(`${d.output.code}.${d.component.code}.${d.subComponent.code}`, d.pagu);
  }
  for (let week = 0; week < 44; week++) {
    const day = new Date(Date.UTC(2024, 1, 26 + week * 7));
    const month = day.getUTCMonth() + 1;
    const iso = `${day.toISOString().slice(0, 10)}T10:00:00+07:00`;
    const share = (day.getUTCDate() / 31) * 0.07;
    const once = [...lines].map(([line, pagu]) => ({ type: "reportSpending", data: { line, month, amount: Math.floor(pagu * share) } }));
    const commands = Array.from({ length: reports }, () => once).flat();
    log = must(log, { meta: { actor: "Bendahara Pengeluaran", reason: `weekly spending report, week ${week + 9}`, kind: "report", at: iso }, commands });
  }
  return serializeLog(log);
}

/** The bundled history with one amount changed on one line, and the number of that line. */
export function tamperedLog(): { text: string; line: number } {
  const lines = readFileSync(HISTORY_LOG, "utf8").split("\n");
  const index = lines.findIndex((l) => l.includes('"type":"BudgetLineRegistered"'));
  const original = lines[index]!;
  const changed = original.replace(/"pagu":(\d+)/, (_, pagu: string) => `"pagu":${Number(pagu) + 1_000_000}`);
  if (changed === original) throw new Error("fixture: no pagu to tamper with");
  lines[index] = changed;
  return { text: lines.join("\n"), line: index + 1 };
}

/** A log whose names and actor carry markup: the viewer must show them as text. */
export function hostileLog(): string {
  let log: StoredEvent[] = [];
  const evil = `<img src=x onerror="window.__pwned=1">`;
  log = must(log, {
    meta: { actor: evil, reason: `<script>window.__pwned=2</script>`, kind: "draft", at: "2024-02-22T09:00:00+07:00" },
    commands: [
      { type: "draftPlan", data: { unit: evil, agency: "Badan Pengawas Obat dan Makanan", year: 2024, ceiling: 100_000_000 } },
      { type: "defineObjective", data: { code: "01", number: 1, name: evil } },
      { type: "defineIndicator", data: { objective: "01", code: "01", name: evil, unit: "percent", direction: "higher", shape: "constant" } },
      { type: "setTargets", data: { indicator: "01.01", values: Array(12).fill(90) } },
    ],
  });
  return serializeLog(log);
}

/** The bundled seed with one more indicator (01.08) and its targets: a second file to compare with. */
/** The seed after a Revisi DIPA that raises the ceiling above the lines' pagu: its print states the Total beside the recorded pagu. */
export function planWithRaisedCeiling(ceiling: number): string {
  return serializeLog(must(readEvents(SEED_LOG), { meta: { actor: "Kuasa Pengguna Anggaran", reason: "Revisi DIPA: pagu naik", kind: "dipa", at: "2024-05-02T09:00:00+07:00" }, commands: [{ type: "reviseCeiling", data: { ceiling } }] }));
}

export function planWithNewIndicator(): string {
  const log = must(readEvents(SEED_LOG), {
    meta: { actor: "Kepala Loka POM", reason: "RAPK revisi: indikator baru", kind: "rapk", at: "2024-03-01T09:00:00+07:00" },
    commands: [
      { type: "defineIndicator", data: { objective: "01", code: "08", name: "Persentase pangan jajanan anak sekolah yang memenuhi syarat", unit: "percent", direction: "higher", shape: "constant" } },
      { type: "setTargets", data: { indicator: "01.08", values: Array(12).fill(80) } },
    ],
  });
  return serializeLog(log);
}
