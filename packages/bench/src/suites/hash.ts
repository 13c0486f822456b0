import { webcrypto } from "node:crypto";
import { hashInput, portableSha256Hex } from "@rapk/history";
// The CLI's sha256 (node:crypto), from its source: the one `rapk` gives history at start.
import { nodeSha256Hex } from "../../../cli/src/nodeSha256.js";
import { SHAPES, generateHistory } from "../generate.js";
import { paired } from "../measure.js";
import { type Row, times } from "../report.js";
import { toStoredEvents } from "../storedLog.js";

const µs = (ms: number, count: number) => `${((ms * 1000) / count).toFixed(2)} µs`;

/**
 * sha256 of a log's lines, what `rapk verify` hashes (each line's canonical form): @noble/hashes
 * (the portable one, a browser's) against node:crypto (the CLI's) and the platform's
 * `crypto.subtle` (asynchronous: every line a promise, all in flight at once), per line.
 */
export async function hashSuite(log: (message: string) => void): Promise<Row[]> {
  const inputs = toStoredEvents(generateHistory(SHAPES.agency)).map((event) => hashInput(event));
  const bytes = inputs.reduce((sum, text) => sum + text.length, 0);
  for (const text of inputs.slice(0, 100)) if (portableSha256Hex(text) !== nodeSha256Hex(text)) throw new Error("node:crypto and @noble/hashes disagree");
  log(`hash: ${inputs.length} lines of ${Math.round(bytes / inputs.length)} characters on average; timing`);
  const all = (hex: (text: string) => string) => () => {
    for (const text of inputs) hex(text);
  };
  const encoder = new TextEncoder();
  const subtle = async () => {
    await Promise.all(inputs.map((text) => webcrypto.subtle.digest("SHA-256", encoder.encode(text))));
  };
  const node = await paired(all(portableSha256Hex), all(nodeSha256Hex), { warmup: 1, rounds: 5 });
  const browser = await paired(all(portableSha256Hex), subtle, { warmup: 1, rounds: 3 });
  const json = await paired(all(portableSha256Hex), () => {
    for (const text of inputs) JSON.parse(text);
  }, { warmup: 1, rounds: 5 });
  const n = inputs.length;
  return [
    {
      name: "sha256 of a line: @noble/hashes vs node:crypto vs crypto.subtle (JSON.parse of the line for scale)",
      measured: `${µs(node.baseline, n)} vs ${µs(node.subject, n)} vs ${µs(browser.subject, n)} (JSON.parse ${µs(json.subject, n)})`,
      goal: "report: the fastest per platform",
      ratio: node.ratio,
      figures: { lines: n, nobleUs: (node.baseline * 1000) / n, nodeUs: (node.subject * 1000) / n, subtleUs: (browser.subject * 1000) / n, jsonParseUs: (json.subject * 1000) / n, nodeOverNoble: node.ratio, subtleOverNoble: browser.ratio },
    },
  ];
}
