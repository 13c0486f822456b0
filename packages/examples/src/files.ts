/** File names of the shipped logs, beside this package's package.json. */
export const SEED_LOG_FILE = "loka-pom-rejang-lebong-2024.ndjson";
export const SEED_FINDINGS_FILE = "loka-pom-rejang-lebong-2024.findings.json";
export const HISTORY_LOG_FILE = "loka-pom-rejang-lebong-2024-history.ndjson";
