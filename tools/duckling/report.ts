// The Duckling corpus report: per language the accuracy by kind, by grain, on holidays, then the failures;
// and the same figures as JSON for --json.

import { percent, table } from "../report-table.js";
import { describeEntity, describeExpected } from "./match.js";
import { type LanguageFigures, type LineResult, rate, type Tally } from "./score.js";

/** How many failures to list per language: a number, or every one. */
export type FailureLimit = number | "all";

export function formatReport(figures: readonly LanguageFigures[], limit: FailureLimit): string {
  return figures.map((language) => formatLanguage(language, limit)).join("\n\n");
}

export function formatLanguage(figures: LanguageFigures, limit: FailureLimit): string {
  const sections = [
    `Language ${figures.language}: ${figures.lines} lines`,
    table([
      ["kind", "passed", "total", "accuracy"],
      ["single values", ...cells(figures.single)],
      ["intervals", ...cells(figures.interval)],
      ["negatives", ...cells(figures.negative)],
      ["holidays", ...cells(figures.holiday)],
    ]),
    "\nPer grain (the expected value's grain, an interval's from-grain)",
    table([
      ["grain", "passed", "total", "accuracy"],
      ...figures.grains.map((tally) => [tally.grain, ...cells(tally)]),
    ]),
  ];
  const failures = formatFailures(figures.failures, limit);
  if (failures !== "") sections.push(`\n${failures}`);
  return sections.join("\n");
}

export function formatFailures(failures: readonly LineResult[], limit: FailureLimit): string {
  if (failures.length === 0) return "Failures: none";
  const shown = limit === "all" ? failures : failures.slice(0, limit);
  if (shown.length === 0) return "";
  const more = failures.length - shown.length;
  const title =
    more > 0 ? `Failures (${shown.length} of ${failures.length})` : `Failures (${failures.length})`;
  return [title, ...shown.map(formatFailure)].join("\n");
}

export function formatFailure(result: LineResult): string {
  const got =
    result.error === undefined ? describeEntity(result.best, result.line.text) : `error: ${result.error}`;
  return [
    `✗ ${JSON.stringify(result.line.text)}  ${result.line.place}${result.line.latent ? " (latent)" : ""}`,
    `    expected ${describeExpected(result.line.expected)}`,
    `    got      ${got}`,
  ].join("\n");
}

/** Everything, failures included, for `--json FILE`. */
export function figuresJson(figures: readonly LanguageFigures[]): Record<string, unknown> {
  const withRate = (tally: Tally) => ({ ...tally, rate: rate(tally) });
  return {
    languages: Object.fromEntries(
      figures.map((language) => [
        language.language,
        {
          lines: language.lines,
          single: withRate(language.single),
          interval: withRate(language.interval),
          negative: withRate(language.negative),
          holiday: withRate(language.holiday),
          grains: language.grains.map(withRate),
          failures: language.failures.map((result) => ({
            place: result.line.place,
            text: result.line.text,
            kind: result.kind,
            latent: result.line.latent ?? false,
            expected: result.line.expected,
            got: result.best?.value ?? null,
            body: result.best?.body ?? null,
            ...(result.error === undefined ? {} : { error: result.error }),
          })),
        },
      ]),
    ),
  };
}

function cells(tally: Tally): string[] {
  return [String(tally.passed), String(tally.total), percent(rate(tally))];
}
