import type { Finding } from "@rapk/import";
import { serializeLog } from "@rapk/history";
import { HISTORY_LOG_FILE, SEED_FINDINGS_FILE, SEED_LOG_FILE } from "./files.js";
import { illustrativeHistory } from "./illustrativeHistory.js";
import { seedLog } from "./seedLog.js";

/**
 * Every shipped file's name and exact content, made from the seed text. The generate script
 * writes them; a test compares them with what is shipped, so the two never drift apart.
 */
export function renderExamples(seedText: string): Record<string, string> {
  const seed = seedLog(seedText);
  const findings: { findings: Finding[] } = { findings: seed.findings };
  return {
    [SEED_LOG_FILE]: serializeLog(seed.events),
    [SEED_FINDINGS_FILE]: `${JSON.stringify(findings, null, 2)}\n`,
    [HISTORY_LOG_FILE]: serializeLog(illustrativeHistory(seed.events)),
  };
}
