import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, jsonLineTooDeep, jsonShapeProblem, jsonSyntaxMessage } from "../../src/index.js";

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("jsonShapeProblem", () => {
  it("given JSON nested exactly 32 deep, finds nothing; one more level is refused on its line", () => {
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(jsonShapeProblem(`{\n"a":\n${nested(MAX_JSON_DEPTH)}}`)).toMatchObject({ code: "INPUT_TOO_DEEP", line: 3 });
  });

  it("counts no bracket inside a string, even after an escaped quote", () => {
    expect(jsonShapeProblem(JSON.stringify({ name: `\\"${"[".repeat(100)}` }))).toBeUndefined();
  });

  it("refuses a whole number JSON.parse would round, and keeps the largest safe one", () => {
    expect(jsonShapeProblem('{"ceiling": 9007199254740993}')).toMatchObject({ code: "NUMBER_NOT_SAFE", line: 1 });
    expect(jsonShapeProblem('{"ceiling": 9007199254740991}')).toBeUndefined();
    expect(jsonShapeProblem('{"ratio": 99.35, "small": -1e-3}')).toBeUndefined();
  });
});

describe("jsonLineTooDeep", () => {
  it("agrees with jsonShapeProblem about depth on lines with few and many brackets", () => {
    expect(jsonLineTooDeep('{"a":[1,2,{"b":3}]}')).toBeUndefined();
    expect(jsonLineTooDeep(`[${Array.from({ length: 40 }, () => "[]").join(",")}]`)).toBeUndefined();
    expect(jsonLineTooDeep(nested(200_000))).toMatchObject({ code: "INPUT_TOO_DEEP" });
  });
});

describe("jsonSyntaxMessage", () => {
  it("drops the text V8 quotes from the input, and cuts a long message", () => {
    let error: unknown;
    try {
      JSON.parse("root:x:0:0:root:/root:/bin/bash");
    } catch (caught) {
      error = caught;
    }
    expect(jsonSyntaxMessage(error)).not.toContain("root:x");
    expect(jsonSyntaxMessage(new Error("x".repeat(200))).length).toBeLessThanOrEqual(83);
  });
});
