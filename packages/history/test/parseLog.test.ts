import { describe, expect, it } from "vitest";
import { parseLog, serializeEvent, serializeLog } from "../src/index.js";
import { editLine, linesOf } from "./support/lines.js";
import { storyLog } from "./support/plan.js";

const log = storyLog();
const lines = linesOf(log);
const text = serializeLog(log);

function errorOf(input: string) {
  const parsed = parseLog(input);
  if (parsed.ok) throw new Error("expected the log to be refused");
  return parsed.error;
}

describe("parseLog", () => {
  it("reads back exactly the events that were written", () => {
    const parsed = parseLog(text);
    expect(parsed).toEqual({ ok: true, value: { events: log, versions: expect.any(Array), committedLines: expect.any(Number) } });
    if (parsed.ok) expect(parsed.value.events.map(serializeEvent)).toEqual(lines);
  });

  it("accepts a missing final newline, CRLF line breaks, a byte-order mark, and an empty log", () => {
    expect(parseLog(text.trimEnd())).toEqual({ ok: true, value: { events: log, versions: expect.any(Array), committedLines: expect.any(Number) } });
    expect(parseLog(`\uFEFF${text.replaceAll("\n", "\r\n")}`)).toEqual({ ok: true, value: { events: log, versions: expect.any(Array), committedLines: expect.any(Number) } });
    expect(parseLog("")).toEqual({ ok: true, value: { events: [], versions: expect.any(Array), committedLines: expect.any(Number) } });
  });

  it("refuses a blank line inside, naming it", () => {
    const blank = [...lines.slice(0, 3), "", ...lines.slice(3)].join("\n");
    expect(errorOf(blank)).toMatchObject({ line: 4, code: "BLANK_LINE" });
    expect(errorOf(`${text}\n`)).toMatchObject({ line: lines.length + 1, code: "BLANK_LINE" });
  });

  it("refuses a line that is not JSON or not an object", () => {
    expect(errorOf(editLine(lines, 5, () => lines[4]?.slice(0, -1)))).toMatchObject({ line: 5, code: "INVALID_JSON" });
    expect(errorOf(editLine(lines, 2, () => "[1,2]"))).toMatchObject({ line: 2, code: "EVENT_INVALID", message: expect.stringContaining("not a JSON object") });
  });

  it("refuses a line nested past 32 levels before parsing it, and quotes none of a line that is not JSON", () => {
    const deep = editLine(lines, 3, () => `{"padding": ${"[".repeat(200_000)}${"]".repeat(200_000)}}`);
    expect(errorOf(deep)).toMatchObject({ line: 3, code: "INPUT_TOO_DEEP" });
    const passwd = errorOf("root:x:0:0:root:/root:/bin/bash\n");
    expect(passwd).toMatchObject({ line: 1, code: "INVALID_JSON" });
    expect(passwd.message).not.toContain("root:x");
  });

  it("refuses an invalid event, naming the field", () => {
    const line = log.findIndex((e) => e.type === "RealisationReported") + 1;
    const error = errorOf(editLine(lines, line, (e) => void (e.data.month = 13)));
    expect(error).toMatchObject({ line, code: "EVENT_INVALID" });
    expect(error.message).toContain("data.month");
    expect(errorOf(editLine(lines, 3, (e) => void delete e.metadata.actor)).message).toContain("metadata.actor");
    expect(errorOf(editLine(lines, 3, (e) => void delete e.metadata.kind)).message).toContain("metadata.kind");
    expect(errorOf(editLine(lines, 3, (e) => void (e.metadata.at = "22 Feb 2024"))).message).toContain("metadata.at");
  });

  it("refuses a prev or hash that is not 64 hex digits, and a seq or version that is not a whole number", () => {
    expect(errorOf(editLine(lines, 2, (e) => void (e.prev = "abc")))).toMatchObject({ line: 2, code: "EVENT_INVALID", message: expect.stringContaining("prev") });
    expect(errorOf(editLine(lines, 2, (e) => void (e.hash = e.hash.toUpperCase())))).toMatchObject({ line: 2, code: "EVENT_INVALID", message: expect.stringContaining("hash") });
    expect(errorOf(editLine(lines, 2, (e) => void (e.seq = 2.5)))).toMatchObject({ line: 2, code: "EVENT_INVALID", message: expect.stringContaining("seq") });
    expect(errorOf(editLine(lines, 2, (e) => void delete e.version))).toMatchObject({ line: 2, code: "EVENT_INVALID", message: expect.stringContaining("version") });
  });

  it("refuses what the schema would drop or store differently", () => {
    expect(errorOf(editLine(lines, 2, (e) => void (e.data.colour = "red")))).toMatchObject({ line: 2, code: "NOT_CANONICAL", message: "data.colour is unknown (not a field of ObjectiveDefined)" });
    expect(errorOf(editLine(lines, 2, (e) => void (e.signature = "x")))).toMatchObject({ line: 2, code: "NOT_CANONICAL", message: "signature is unknown (not a field of ObjectiveDefined)" });
    expect(errorOf(editLine(lines, 2, (e) => void (e.data.name = ` ${e.data.name}`)))).toMatchObject({ line: 2, code: "NOT_CANONICAL", message: expect.stringContaining("data.name") });
  });

  it("refuses seq out of order: a gap, a repeat, a swap", () => {
    expect(errorOf([...lines.slice(0, 4), ...lines.slice(5)].join("\n"))).toMatchObject({ line: 5, code: "SEQ_OUT_OF_ORDER", message: expect.stringContaining("seq is 6, expected 5") });
    expect(errorOf([lines[0], lines[0]].join("\n"))).toMatchObject({ line: 2, code: "SEQ_OUT_OF_ORDER" });
    expect(errorOf([lines[1], lines[0]].join("\n"))).toMatchObject({ line: 1, code: "SEQ_OUT_OF_ORDER" });
  });

  it("refuses versions that do not start at 1 or jump", () => {
    expect(errorOf(editLine(lines, 1, (e) => void (e.version = 2)))).toMatchObject({ line: 1, code: "VERSION_OUT_OF_ORDER" });
    const next = log.findIndex((e) => e.version === 2) + 1;
    expect(errorOf(editLine(lines, next, (e) => void (e.version = 3)))).toMatchObject({ line: next, code: "VERSION_OUT_OF_ORDER", message: expect.stringContaining("expected 1 or 2") });
    expect(errorOf(editLine(lines, next + 1, (e) => void (e.version = 1)))).toMatchObject({ line: next + 1, code: "VERSION_OUT_OF_ORDER" });
  });

  it("refuses a version whose events do not share one metadata", () => {
    expect(errorOf(editLine(lines, 3, (e) => void (e.metadata.reason = "another reason")))).toMatchObject({ line: 3, code: "VERSION_METADATA_DIFFERS", message: expect.stringContaining("metadata.reason") });
  });

  it("refuses time going backwards from one version to the next, comparing instants across offsets", () => {
    const next = log.findIndex((e) => e.version === 2) + 1;
    const back = [...lines.slice(0, next - 1), ...lines.slice(next - 1).map((l) => l.replaceAll("2024-03-05T10:00:00+07:00", "2024-02-22T08:59:59+07:00"))];
    expect(errorOf(back.join("\n"))).toMatchObject({ line: next, code: "TIME_GOES_BACKWARDS", message: expect.stringContaining("2024-02-22T09:00:00+07:00") });
    // 02:00 UTC is 09:00 WIB: the same instant, so not backwards.
    const same = [...lines.slice(0, next - 1), ...lines.slice(next - 1).map((l) => l.replaceAll("2024-03-05T10:00:00+07:00", "2024-02-22T02:00:00Z"))];
    expect(parseLog(same.join("\n")).ok).toBe(true);
  });
});
