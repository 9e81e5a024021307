import { describe, expect, it } from "vitest";
import { DEFAULT_FAILURE_LIMIT, parseArguments, UsageError } from "./arguments.js";

describe("npm run duckling arguments", () => {
  it("defaults to every language, 40 failures and no JSON file", () => {
    expect(parseArguments([])).toEqual({
      language: null,
      failures: DEFAULT_FAILURE_LIMIT,
      json: null,
      help: false,
    });
  });

  it("reads --lang, --failures (a number, 0 or all) and --json", () => {
    expect(parseArguments(["--lang", "es", "--failures", "0", "--json", "out.json"])).toEqual({
      language: "es",
      failures: 0,
      json: "out.json",
      help: false,
    });
    expect(parseArguments(["--failures=all"]).failures).toBe("all");
    expect(parseArguments(["--failures", "12"]).failures).toBe(12);
  });

  it.each([
    [["--lang", "fr"]],
    [["--failures", "-1"]],
    [["--failures", "some"]],
    [["--verbose"]],
    [["es.jsonl"]],
  ])("refuses %j", (args) => {
    expect(() => parseArguments(args)).toThrow(UsageError);
  });
});
