import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../src/main.js";
import { ROOT, type Run } from "./helpers.js";

// June's report of the bundled history, shared by the tests of the .xlsx and the CSV template.

/** rapk in-process with the clock on 6 July 2024, after June's report is due. */
export async function rapk(cwd: string, ...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, now: () => new Date("2024-07-06T08:00:00.000Z") });
  return { code, stdout, stderr };
}

const HISTORY = join(ROOT, "packages/examples/loka-pom-rejang-lebong-2024-history.ndjson");

/** The bundled history up to May's report (version 8): June is still to be reported. */
export function throughMay(folder: string, name = "plan.ndjson"): string {
  const lines = readFileSync(HISTORY, "utf8").split("\n");
  const end = lines.findIndex((line) => line.includes('"commit":8,'));
  writeFileSync(join(folder, name), `${lines.slice(0, end + 1).join("\n")}\n`);
  return name;
}

/** Who reports June, why, the letter and when it takes effect. */
export const META = { actor: "Tim Perencanaan dan Keuangan", reason: "Laporan bulanan Juni 2024", reference: "ND-07/LAP/2024", at: "2024-07-05T10:00:00+07:00" };

/** The revision file a person would have had to write by hand for the same June. */
export const JUNE_JSON = {
  meta: { ...META, kind: "report" },
  commands: [
    { type: "reportRealisation", data: { indicator: "01.01", month: 6, value: 91.07, numerator: 51, denominator: 56 } },
    { type: "reportRealisation", data: { indicator: "01.02", month: 6, value: 96.43, numerator: 54, denominator: 56, note: "- Sampling pasar Curup dan Kepahiang", obstacles: "Satu sampel rusak dalam pengiriman" } },
    { type: "reportRealisation", data: { indicator: "03.01", month: 6, value: 89.5 } },
    { type: "reportSpending", data: { line: "DR.3165.QIA.005.053.A", month: 6, amount: 6_286_800 } },
    { type: "reportSpending", data: { line: "DR.3165.QIA.001.055.A", month: 6, amount: 0, obstacles: "Tender pengadaan sampel gagal", followUp: "Tender ulang pada Juli" } },
  ],
};

