// JUnit XML for CI dashboards: one test suite per fixture file, one test case per golden case, and each
// invalid fixture line as an errored test case so it cannot go unnoticed.

import { differences } from "./compare.js";
import type { FixtureProblem } from "./fixtures.js";
import { caseInput } from "./report.js";
import type { CaseResult } from "./run-cases.js";

interface Suite {
  cases: string[];
  failures: number;
  errors: number;
  seconds: number;
}

export function junitXml(results: readonly CaseResult[], problems: readonly FixtureProblem[]): string {
  const suites = new Map<string, Suite>();
  const suiteFor = (file: string) => {
    let suite = suites.get(file);
    if (suite === undefined) {
      suite = { cases: [], failures: 0, errors: 0, seconds: 0 };
      suites.set(file, suite);
    }
    return suite;
  };

  for (const result of results) {
    const { golden } = result;
    const suite = suiteFor(golden.file);
    const seconds = result.durationMs / 1000;
    suite.seconds += seconds;
    const attributes = `name="${escapeXml(golden.id)}" classname="${escapeXml(className(golden.file))}" time="${seconds.toFixed(6)}"`;
    let body = "";
    if (result.error !== undefined) {
      suite.errors += 1;
      body = `<error message="${escapeXml(result.error)}">${escapeXml(caseInput(golden, verbatim).join("\n"))}</error>`;
    } else if (!result.passed) {
      suite.failures += 1;
      const lines = differences(result);
      const message = `differs in ${result.checks
        .filter((check) => !check.passed)
        .map((check) => check.field)
        .join(", ")}`;
      body = `<failure message="${escapeXml(message)}">${escapeXml([...caseInput(golden, verbatim), ...lines].join("\n"))}</failure>`;
    }
    suite.cases.push(`    <testcase ${attributes}>${body}</testcase>`);
  }
  for (const problem of problems) {
    const suite = suiteFor(problem.file);
    suite.errors += 1;
    const attributes = `name="line ${problem.line}" classname="${escapeXml(className(problem.file))}" time="0"`;
    suite.cases.push(
      `    <testcase ${attributes}><error message="${escapeXml(`invalid fixture line: ${problem.message}`)}"/></testcase>`,
    );
  }

  const totals = { tests: 0, failures: 0, errors: 0 };
  const blocks = [...suites].map(([file, suite]) => {
    totals.tests += suite.cases.length;
    totals.failures += suite.failures;
    totals.errors += suite.errors;
    const attributes = `name="${escapeXml(file)}" tests="${suite.cases.length}" failures="${suite.failures}" errors="${suite.errors}" time="${suite.seconds.toFixed(6)}"`;
    return [`  <testsuite ${attributes}>`, ...suite.cases, "  </testsuite>"].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="golden" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}">`,
    ...blocks,
    "</testsuites>",
    "",
  ].join("\n");
}

const verbatim = (text: string) => text;

/** `fixtures/golden/es-dates.jsonl` → `golden.es-dates`. */
function className(file: string): string {
  return `golden.${file.replace(/^.*[\\/]/, "").replace(/\.jsonl$/, "")}`;
}

/** XML-escapes text and drops the control characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what must be removed
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/\n/g, "&#10;")
  );
}
