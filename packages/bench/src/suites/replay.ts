import { replayLines } from "@rapk/core";
import { parseLog } from "@rapk/history";
import { SHAPES, generateHistory } from "../generate.js";
import { linesOf } from "../lines.js";
import { paired } from "../measure.js";
import { type Row, ms } from "../report.js";
import { toLines, toStoredEvents } from "../storedLog.js";

/** What every loader pays at least: reading the lines and JSON.parse of each, nothing kept. */
function parseOnly(text: string): number {
  let objects = 0;
  for (const line of linesOf(text)) if (JSON.parse(line) !== null) objects += 1;
  return objects;
}

/**
 * Full replay of a million-event log: every line parsed, validated as an event with its
 * metadata and folded, against JSON.parse alone on the same lines (the floor).
 */
export async function replaySuite(log: (message: string) => void): Promise<Row[]> {
  log("replay: generating the national history (1,000,000 events)");
  const text = `${toLines(toStoredEvents(generateHistory(SHAPES.national))).join("\n")}\n`;
  const check = replayLines(linesOf(text));
  if (!check.ok) throw new Error(`the generated log does not replay: ${check.error.message}`);
  const events = check.events;
  log(`replay: ${events} lines, ${Math.round(text.length / 2 ** 20)} MiB; timing`);
  const result = await paired(
    () => parseOnly(text),
    () => replayLines(linesOf(text)),
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
  return [
    {
      name: "replay 1M lines (parse+validate+fold) vs JSON.parse",
      measured: `${ms(result.subject)} vs ${ms(result.baseline)}`,
      goal: "<= 1.50x JSON.parse",
      ratio: result.ratio,
      pass: result.ratio <= 1.5,
      figures: { events, replayMs: result.subject, jsonParseMs: result.baseline, ratio: result.ratio, rounds: result.rounds },
    },
    {
      name: "history parseLog of the same 1M lines (keeps the events)",
      measured: `${ms(parsed.subject)} vs ${ms(parsed.baseline)}`,
      goal: "report",
      ratio: parsed.ratio,
      figures: { parseLogMs: parsed.subject, jsonParseMs: parsed.baseline, ratio: parsed.ratio },
    },
  ];
}
