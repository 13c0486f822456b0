import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonKeyProblem, jsonPathLine, lineKeyProblem, parseLog, verifyLog } from "../src/index.js";
import { storyV2Text } from "./support/v2.js";

const v2 = storyV2Text();
const v1 = readFileSync(new URL("./fixtures/v1-loka-pom-2024.ndjson", import.meta.url), "utf8");

/** The log with one line's text edited (1-based), everything else byte for byte. */
function withLine(text: string, number: number, edit: (line: string) => string): string {
  const lines = text.split("\n");
  lines[number - 1] = edit(lines[number - 1] as string);
  return lines.join("\n");
}

function refusal(text: string) {
  const parsed = parseLog(text);
  if (parsed.ok) throw new Error("expected the log to be refused");
  return parsed.error;
}

describe("log lines that read two ways are refused, naming the line and the field", () => {
  // The first event is PlanDrafted: its data starts with "unit".
  const unit = (line: string) => /"data":\{"unit":"[^"]*"/.exec(line)![0];

  it.each([
    ["v2", v2],
    ["v1", v1],
  ])("a key written twice in one object (%s): JSON.parse would keep the last, and the hash would still match", (_, log) => {
    // The second "unit" is the one JSON.parse keeps, so the line parses to exactly the event its hash covers.
    const doubled = withLine(log, 1, (line) => line.replace(unit(line), `"data":{"unit":"LOKA POM PALSU",${unit(line).slice(8)}`));
    expect(refusal(doubled)).toEqual({ line: 1, code: "DUPLICATE_KEY", message: "data.unit is written twice in one object; readers disagree on which counts, so the line cannot be trusted" });
    expect(verifyLog(doubled)).toMatchObject({ ok: false, error: { line: 1, code: "DUPLICATE_KEY" } });
  });

  it.each([
    ['"__proto__"', "data.__proto__"],
    ['"\\u005f_proto__"', "data.__proto__"],
    ['"constructor"', "data.constructor"],
    ['"toString"', "data.toString"],
  ])("a key named %s, after a member of every JavaScript object", (key, where) => {
    const polluted = withLine(v2, 1, (line) => line.replace('"data":{', `"data":{${key}:{"polluted":true},`));
    const error = refusal(polluted);
    expect(error).toMatchObject({ line: 1, code: "RESERVED_KEY" });
    expect(error.message).toMatch(new RegExp(`^${where.replace(".", "\\.")} is named after a member of every JavaScript object`));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("the same in a commit record's metadata, at its own line", () => {
    const lines = v2.split("\n");
    const commit = lines.findIndex((line) => line.includes('"commit":1')) + 1;
    const doubled = withLine(v2, commit, (line) => line.replace('"metadata":{', '"metadata":{"actor":"someone else",'));
    expect(refusal(doubled)).toMatchObject({ line: commit, code: "DUPLICATE_KEY", message: expect.stringMatching(/^metadata\.actor is written twice/) });
  });

  it("reads a log whose text merely mentions such keys inside a value, and one with spaces between tokens", () => {
    const mentions = withLine(v2, 1, (line) => line.replace('"unit":"LOKA', '"unit":"\\"toString\\": \\"__proto__\\": LOKA'));
    expect(parseLog(mentions).ok).toBe(true);
    const spaced = withLine(v2, 1, (line) => line.replaceAll('":', '" : '));
    expect(parseLog(spaced).ok).toBe(true);
  });
});

describe("jsonKeyProblem", () => {
  it("names the line and the path of the first key that cannot be meant", () => {
    expect(jsonKeyProblem('{"commands": [\n {"type": "x"},\n {"data": {"a": 1,\n "a": 2}}]}')).toEqual({ key: "a", why: "duplicate", line: 4, path: ["commands", 1, "data", "a"] });
    expect(jsonKeyProblem('{"a": {"b": 1}, "c": {"b": 2}}')).toBeUndefined();
    expect(jsonKeyProblem('{"a": ["__proto__", {"valueOf": 1}]}')).toEqual({ key: "valueOf", why: "reserved", line: 1, path: ["a", 1, "valueOf"] });
  });
});

describe("lineKeyProblem", () => {
  const check = (text: string) => lineKeyProblem(text, JSON.parse(text));

  it("finds what its fast path could miss: a key twice with spaces before the colon, a string that starts with a colon, an escaped reserved key", () => {
    expect(check('{"a" : 1, "a" : 2}')).toMatchObject({ key: "a", why: "duplicate" });
    expect(check('{"a":":","a":1}')).toMatchObject({ key: "a", why: "duplicate" });
    expect(check('{"b":{"\\u0063onstructor":1}}')).toMatchObject({ key: "constructor", why: "reserved", path: ["b", "constructor"] });
    expect(check('{"a":":","b":"\\":"}')).toBeUndefined();
  });
});

describe("jsonPathLine", () => {
  const revision = '{"meta": {"actor": "KPA"},\n "commands": [\n  {"type": "setTarget",\n   "data": {"indicator": "01.01",\n    "month": 13}}]}';

  it("names the line of the field a path points at, or of the entry it names", () => {
    expect(jsonPathLine(revision, ["commands", 0, "data", "month"])).toBe(5);
    expect(jsonPathLine(revision, ["commands", 0])).toBe(3);
    expect(jsonPathLine(revision, ["meta", "actor"])).toBe(1);
  });

  it("names the nearest line on the way to a missing field, and none for the whole file or an unknown first step", () => {
    expect(jsonPathLine(revision, ["commands", 0, "data", "value"])).toBe(4);
    expect(jsonPathLine(revision, [])).toBeUndefined();
    expect(jsonPathLine(revision, ["signature"])).toBeUndefined();
  });
});
