import { describe, expect, it } from "vitest";
import type { CheckedField } from "./compare.js";
import type { LoadedCase } from "./fixtures.js";
import { junitXml } from "./junit.js";
import { formatFailure, formatFailures, formatFigures } from "./report.js";
import type { CaseResult } from "./run-cases.js";
import { summarize, UNTAGGED } from "./summary.js";

function result(
  id: string,
  file: string,
  tags: string[] | undefined,
  checks: [CheckedField, boolean][],
): CaseResult {
  const golden = { id, text: `texto <${id}> & "más"`, expect: {}, file, line: 1, ...(tags ? { tags } : {}) };
  return {
    golden: golden as LoadedCase,
    passed: checks.every(([, passed]) => passed),
    checks: checks.map(([field, passed]) => ({ field, passed, expected: "10:00", got: "11:00" })),
    durationMs: 1.5,
    confidence: checks.every(([, passed]) => passed) ? 0.95 : 0.55,
    appointment: true,
  };
}

const results = [
  result(
    "a",
    "es.jsonl",
    ["es", "time"],
    [
      ["date", true],
      ["time", false],
    ],
  ),
  result("b", "es.jsonl", ["es"], [["date", true]]),
  result("c", "en.jsonl", undefined, [["date", false]]),
];
const problems = [{ file: "en.jsonl", line: 7, message: "invalid JSON" }];

describe("summarize", () => {
  const summary = summarize(results, problems);

  it("counts exact matches, fields, tags and files", () => {
    expect(summary.overall).toEqual({ passed: 1, total: 3 });
    expect(summary.exactMatch).toBeCloseTo(1 / 3);
    expect(Object.fromEntries(summary.fields)).toEqual({
      date: { passed: 2, total: 3 },
      time: { passed: 0, total: 1 },
    });
    expect(Object.fromEntries(summary.tags)).toEqual({
      es: { passed: 1, total: 2 },
      time: { passed: 0, total: 1 },
      [UNTAGGED]: { passed: 0, total: 1 },
    });
    expect(summary.files.get("en.jsonl")).toEqual({ passed: 0, total: 1, invalid: 1 });
    expect(summary.failures.map((failure) => failure.golden.id)).toEqual(["a", "c"]);
  });

  it("calibrates the answers' confidence against their exact match, and prints it", () => {
    // b passed at 0.95; a and c failed at 0.55: one bucket each.
    expect(summary.calibration.buckets.map(({ from, count, rightRate }) => [from, count, rightRate])).toEqual(
      [
        [0.5, 2, 0],
        [0.9, 1, 1],
      ],
    );
    expect(summary.calibration.ece).toBeCloseTo((2 * 0.55 + 0.05) / 3, 10);
    expect(formatFigures(summary)).toContain("ECE (10 equal-width buckets): 0.383");
    // A request that failed carries no confidence and is left out.
    const failed = { ...results[0]!, confidence: null };
    expect(summarize([failed]).calibration.count).toBe(0);
  });

  it("scores an empty run as 0, never as a pass", () => {
    expect(summarize([]).exactMatch).toBe(0);
    expect(summarize([]).dateTime).toEqual({ passed: 0, total: 0 });
  });

  it("counts date+time exact over the cases checking both, right only when both are", () => {
    const both = (id: string, date: boolean, time: boolean, more: [CheckedField, boolean][] = []) =>
      result(id, "sgd.jsonl", ["sgd"], [["date", date], ["time", time], ...more]);
    const dateTime = summarize([
      both("right", true, true),
      both("date only", true, false),
      both("time only", false, true),
      both("neither", false, false),
      // The slot right, another field wrong: date+time exact, not an exact match.
      both("slot right", true, true, [["intent", false]]),
      result("date alone", "sgd.jsonl", ["sgd"], [["date", true]]),
      result("time alone", "sgd.jsonl", ["sgd"], [["time", true]]),
    ]);
    expect(dateTime.dateTime).toEqual({ passed: 2, total: 5 });
    expect(dateTime.overall).toEqual({ passed: 3, total: 7 });
    expect(formatFigures(dateTime)).toContain("Date+time exact: 2/5 cases checking both (40.0%)");
  });

  it("writes no date+time line when no case checks both", () => {
    expect(formatFigures(summarize([results[1]!]))).not.toContain("Date+time");
  });

  it("lists the first failures only when asked to", () => {
    expect(formatFailures(summary.failures, 1)).toMatch(/^Failures \(2, the first 1 shown\)\n✗ a /);
    expect(formatFailures(summary.failures, 1)).not.toContain("✗ c ");
    expect(formatFailures(summary.failures)).toMatch(/^Failures \(2\)\n/);
  });

  it("lists only the differing fields of a failure", () => {
    expect(formatFailure(results[0]!)).toContain('time: expected "10:00", got "11:00"');
    expect(formatFailure(results[0]!)).not.toContain("date:");
  });

  it("shows a conversation's messages in order, each with its role", () => {
    const golden = {
      ...results[0]!.golden,
      text: undefined,
      messages: [
        { role: "user" as const, content: "cita el jueves" },
        { role: "assistant" as const, content: "¿A las 10?" },
        { role: "user" as const, content: "dale" },
      ],
    };
    expect(
      formatFailure({ ...results[0]!, golden })
        .split("\n")
        .slice(1, 4),
    ).toEqual(['  user: "cita el jueves"', '  assistant: "¿A las 10?"', '  user: "dale"']);
  });
});

describe("junitXml", () => {
  const xml = junitXml(results, problems);

  it("has one test case per golden case and per invalid line", () => {
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml).toContain('<testsuites name="golden" tests="4" failures="2" errors="1">');
    expect(xml).toContain('<testsuite name="es.jsonl" tests="2" failures="1" errors="0"');
  });

  it("escapes the text and carries the diff", () => {
    expect(xml).toContain("texto &lt;a&gt; &amp; &quot;más&quot;");
    expect(xml).toContain('<failure message="differs in time">');
    expect(xml).not.toMatch(/<a>|& "/);
  });
});
