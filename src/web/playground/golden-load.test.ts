// The golden page's reader of JSON Lines (static/playground/golden-load.js) takes the cases `npm run golden`
// takes: every line of the project's golden fixtures reads as a case in both, and lines the CLI refuses for
// their shape are refused in the browser too, with file:line and duplicate ids reported alike.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_GOLDEN_PATHS, expandPaths, parseLine } from "../../../tools/golden/fixtures.js";
import { parseLine as browserParseLine, readGoldenFile } from "../public/static/playground/golden-load.js";

describe("the golden page's reader", () => {
  const lines = expandPaths(DEFAULT_GOLDEN_PATHS).flatMap((path) =>
    readFileSync(path, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== ""),
  );

  it("reads every line of the project's golden fixtures as the CLI reads it", () => {
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) {
      expect(parseLine(line)).toEqual(expect.any(Object));
      expect(browserParseLine(line)).toEqual(JSON.parse(line));
    }
  });

  it.each([
    "not json",
    "[1]",
    '{"text": "hola", "expect": {"time": "10:00"}}',
    '{"id": "", "text": "hola", "expect": {"time": "10:00"}}',
    '{"id": "a", "expect": {"time": "10:00"}}',
    '{"id": "a", "text": "hola", "messages": [{"role": "user", "content": "hola"}], "expect": {"time": "10:00"}}',
    '{"id": "a", "messages": [{"role": "system", "content": "hola"}], "expect": {"time": "10:00"}}',
    '{"id": "a", "text": "hola", "expect": {}}',
    '{"id": "a", "text": "hola", "expect": {"colour": "red"}}',
    '{"id": "a", "text": "hola", "expect": {"time": "10:00"}, "extra": 1}',
    '{"id": "a", "text": "hola", "expect": {"time": "10:00"}, "tags": [""]}',
    '{"id": "a", "text": "hola", "expect": {"time": "10:00"}, "timezone": 5}',
  ])("refuses %s, as the CLI does", (line) => {
    expect(typeof parseLine(line)).toBe("string");
    expect(typeof browserParseLine(line)).toBe("string");
  });

  it("names each bad line and refuses a repeated id, across files", () => {
    const seen = new Map<string, string>();
    const first = readGoldenFile(
      '{"id": "a", "text": "hola", "expect": {"time": "10:00"}}\n\nnot json\n',
      "one.jsonl",
      seen,
    );
    const second = readGoldenFile(
      '{"id": "a", "text": "adiós", "expect": {"time": "11:00"}}',
      "two.jsonl",
      seen,
    );
    expect(first.cases.map(({ id, file, line }) => ({ id, file, line }))).toEqual([
      { id: "a", file: "one.jsonl", line: 1 },
    ]);
    expect(first.problems).toEqual([
      { file: "one.jsonl", line: 3, message: expect.stringMatching(/^invalid JSON/) },
    ]);
    expect(second.cases).toEqual([]);
    expect(second.problems).toEqual([
      { file: "two.jsonl", line: 1, message: 'duplicate id "a" (first at one.jsonl:1)' },
    ]);
  });
});
