import { readFileSync } from "node:fs";
import { type History, openHistory, parseLog } from "@rapk/history";

const examples = new URL("../../examples/", import.meta.url);

/** A shipped log of packages/examples opened for time travel: the seed as imported, or the illustrative January-June history. */
export function shipped(name: "seed" | "history"): History {
  const file = name === "seed" ? "loka-pom-rejang-lebong-2024.ndjson" : "loka-pom-rejang-lebong-2024-history.ndjson";
  const parsed = parseLog(readFileSync(new URL(file, examples), "utf8"));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.message}`);
  return openHistory(parsed.value.events);
}

export const PROVENANCE = { version: 1, effectiveAt: "2024-02-22T09:00:00+07:00", headHash: "ab".repeat(32) };
