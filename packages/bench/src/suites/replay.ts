import { foldLog, parseLog, useSha256, verifyLog } from "@rapk/history";
// The CLI's sha256 (node:crypto), from its source: the one `rapk verify` hashes with.
import { nodeSha256Hex } from "../../../cli/src/nodeSha256.js";
import { SHAPES, generateHistory } from "../generate.js";
import { linesOf } from "../lines.js";
import { paired } from "../measure.js";
import { type Row, goalRow, ms, times } from "../report.js";
import { toLines, toStoredEvents } from "../storedLog.js";

/** What every loader pays at least: reading the lines and JSON.parse of each, nothing kept. */
function parseOnly(text: string): number {
  let objects = 0;
  for (const line of linesOf(text)) if (JSON.parse(line) !== null) objects += 1;
  return objects;
}

/**
 * Full replay of a million-event log by the one log reader (history's foldLog: every line parsed,
 * validated as a log line with its event and metadata, each version folded when it is complete,
 * nothing kept but the plan), against JSON.parse alone on the same lines (the floor).
 */
export async function replaySuite(log: (message: string) => void): Promise<Row[]> {
  log("replay: generating the national history (1,000,000 events)");
  const text = `${toLines(toStoredEvents(generateHistory(SHAPES.national))).join("\n")}\n`;
  const check = foldLog(text);
  if (!check.ok) throw new Error(`the generated log does not replay: line ${check.error.line}: ${check.error.message}`);
  const events = check.value.events;
  log(`replay: ${events} lines, ${Math.round(text.length / 2 ** 20)} MiB; timing`);
  const result = await paired(
    () => parseOnly(text),
    () => foldLog(text),
    { warmup: 1, rounds: 5 },
  );
  // What the CLI does today: history's parseLog keeps every event and checks the envelope too.
  log("replay: history's parseLog on the same log");
  const parsed = await paired(
    () => parseOnly(text),
    () => {
      const result = parseLog(text);
      if (!result.ok) throw new Error(`parseLog refused the generated log: ${result.error.message}`);
    },
    { warmup: 0, rounds: 1 },
  );
  // What `rapk verify` does: the same reader, every line hashed (with node:crypto, the sha256 the
  // CLI gives history at its start, as here), the plan folded and checked.
  log("replay: history's verifyLog on the same log");
  const portable = useSha256(nodeSha256Hex);
  const verified = await paired(
    () => parseOnly(text),
    () => {
      const result = verifyLog(text);
      if (!result.ok) throw new Error(`verifyLog refused the generated log: ${result.error.message}`);
    },
    { warmup: 0, rounds: 1 },
  ).finally(() => useSha256(portable));
  return [
    goalRow("replay", result.ratio, `${ms(result.subject)} vs ${ms(result.baseline)} (${times(result.ratio)}, median of ${result.rounds} rounds)`, { events, replayMs: result.subject, jsonParseMs: result.baseline, ratio: result.ratio, rounds: result.rounds }),
    goalRow("log-reader", parsed.ratio, `${ms(parsed.subject)} vs ${ms(parsed.baseline)} (${times(parsed.ratio)})`, { parseLogMs: parsed.subject, jsonParseMs: parsed.baseline, ratio: parsed.ratio }),
    goalRow("log-reader-hashed", verified.ratio, `${ms(verified.subject)} vs ${ms(verified.baseline)} (${times(verified.ratio)})`, { verifyLogMs: verified.subject, jsonParseMs: verified.baseline, ratio: verified.ratio }),
  ];
}
