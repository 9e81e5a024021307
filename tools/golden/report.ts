// The golden runner's text report: figures first, then every failure with its differing fields.

import { formatCalibration } from "../calibration/table.js";
import { percent, table } from "../report-table.js";
import { CHECKED_FIELDS, differences } from "./compare.js";
import type { FixtureProblem, GoldenCase } from "./fixtures.js";
import type { CaseResult } from "./run-cases.js";
import { fraction, type Summary, type Tally } from "./summary.js";

/** The figures, the failures (the first `failureLimit` of them when given) and the invalid lines. */
export function formatReport(summary: Summary, failureLimit: number | null = null): string {
  return [
    formatFigures(summary),
    formatFailures(summary.failures, failureLimit),
    formatProblems(summary.problems),
  ]
    .filter((section) => section !== "")
    .join("\n\n");
}

export function formatFigures(summary: Summary): string {
  const fields = CHECKED_FIELDS.filter((field) => summary.fields.has(field)).map(
    (field) => [field, ...tallyCells(summary.fields.get(field)!)] as string[],
  );
  const tags = [...summary.tags.keys()].sort().map((tag) => [tag, ...tallyCells(summary.tags.get(tag)!)]);
  const files = [...summary.files].map(([file, tally]) => [
    file,
    ...tallyCells(tally),
    String(tally.invalid),
  ]);
  const { dateTime } = summary;
  return [
    `Exact match: ${summary.overall.passed}/${summary.overall.total} cases (${percent(summary.exactMatch)})`,
    ...(dateTime.total > 0
      ? [
          `Date+time exact: ${dateTime.passed}/${dateTime.total} cases checking both (${percent(fraction(dateTime))})`,
        ]
      : []),
    `\nPer field\n${table([["field", "passed", "total", "accuracy"], ...fields])}`,
    `\nPer tag\n${table([["tag", "passed", "total", "accuracy"], ...tags])}`,
    `\nPer file\n${table([["file", "passed", "total", "accuracy", "invalid lines"], ...files])}`,
    `\n${formatCalibration(summary.calibration)}`,
  ].join("\n");
}

export function formatFailures(failures: readonly CaseResult[], limit: number | null = null): string {
  if (failures.length === 0) return "";
  const shown = limit === null ? failures : failures.slice(0, limit);
  const heading =
    shown.length < failures.length
      ? `Failures (${failures.length}, the first ${shown.length} shown)`
      : `Failures (${failures.length})`;
  return [heading, ...shown.map(formatFailure)].join("\n");
}

export function formatFailure(result: CaseResult): string {
  const { golden } = result;
  const lines = [
    `✗ ${golden.id}  ${golden.file}:${golden.line}`,
    ...caseInput(golden).map((line) => `  ${line}`),
  ];
  if (result.error !== undefined) lines.push(`  error: ${result.error}`);
  else lines.push(...differences(result).map((line) => `  ${line}`));
  return lines.join("\n");
}

/**
 * What a case sends, one line per message: `text: "…"`, or `user: "…"` and `assistant: "…"` in order;
 * `quote` writes each text (JSON here, as it is in the fixture; JUnit XML escapes it itself).
 */
export function caseInput(golden: GoldenCase, quote: (text: string) => string = JSON.stringify): string[] {
  if (golden.messages === undefined) return [`text: ${quote(golden.text ?? "")}`];
  return golden.messages.map((message) => `${message.role}: ${quote(message.content)}`);
}

export function formatProblems(problems: readonly FixtureProblem[]): string {
  if (problems.length === 0) return "";
  const lines = problems.map((problem) => `  ${problem.file}:${problem.line}: ${problem.message}`);
  return [`Invalid fixture lines (${problems.length})`, ...lines].join("\n");
}

function tallyCells(tally: Tally): string[] {
  return [String(tally.passed), String(tally.total), percent(fraction(tally))];
}
