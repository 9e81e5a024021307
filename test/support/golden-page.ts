// Golden suites in the browser (GET /golden) checked against the CLI: the small golden file of
// test/browser/fixtures run in chromium must report what `npm run golden -- FILE --url` reports for it
// against the same server (exact match, date+time, per field, per tag, per file, the failures and their
// differing fields), each failure drawn with the spans the service read. Used on Node
// (test/browser/golden-page.test.ts) and on workerd (test/workerd/golden-page.test.ts).
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { answerFor, expectHighlights, type PlaygroundRequest } from "./playground.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const FIXTURE = join(ROOT, "test", "browser", "fixtures", "golden-small.jsonl");
export const CASES = readFileSync(FIXTURE, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as PlaygroundRequest & { id: string });

/** `npm run golden -- FILE --url URL`'s report. */
async function goldenCli(url: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "tools/golden.ts", FIXTURE, "--url", url],
    { cwd: ROOT },
  );
  return stdout;
}

/** A table of the CLI's report (its rows after `heading`, until a blank line), cells split on 2+ spaces. */
function cliTable(report: string, heading: string): string[][] {
  const lines = report.split("\n");
  const start = lines.indexOf(heading);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (line.trim() === "") break;
    rows.push(line.trim().split(/\s{2,}/));
  }
  return rows;
}

function pageTable(page: Page, id: string): Promise<string[][]> {
  return page.$$eval(`#${id} tbody tr`, (rows) =>
    rows.map((row) => [...row.children].map((cell) => cell.textContent ?? "")),
  );
}

/**
 * The server has no calendars (npm run golden -- --url without --admin-token seeds none): each calendar
 * case is answered 404, and the browser logs it.
 */
export function calendarMisses(): string[] {
  return CASES.filter((golden) => golden.calendarId !== undefined).map(
    () => "console error: Failed to load resource: the server responded with a status of 404 (Not Found)",
  );
}

export async function runInBrowser(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/golden`);
  await page.selectOption("#page-language", "en");
  await page.setInputFiles("#golden-file", FIXTURE);
  await page.click("#golden-run");
  await page.waitForSelector("#exact-match", { timeout: 60_000 });
}

/** Runs the fixture in the page and through the CLI against `url`, and expects the same report. */
export async function expectCliReport(page: Page, url: string): Promise<void> {
  const [report] = await Promise.all([goldenCli(url), runInBrowser(page, url)]);
  const line = (prefix: string) => report.split("\n").find((text) => text.startsWith(prefix));
  expect(await page.textContent("#exact-match")).toBe(line("Exact match:"));
  expect(await page.textContent("#date-time")).toBe(line("Date+time exact:"));
  expect(await pageTable(page, "per-field")).toEqual(cliTable(report, "Per field"));
  expect(await pageTable(page, "per-tag")).toEqual(cliTable(report, "Per tag"));
  // Files are named by path on the command line and by name in the browser.
  const files = (rows: string[][]) => rows.map(([, ...figures]) => figures);
  expect(files(await pageTable(page, "per-file"))).toEqual(files(cliTable(report, "Per file")));

  const failures = [...report.matchAll(/^✗ (\S+)/gm)].map((match) => match[1]);
  expect(failures.length).toBeGreaterThan(0);
  expect(failures.length).toBeLessThan(CASES.length);
  expect(
    await page.$$eval("#failures [data-case]", (items) =>
      items.map((item) => item.getAttribute("data-case")),
    ),
  ).toEqual(failures);
  for (const id of failures) {
    // The CLI's lines under the failure, after its input lines, are its differing fields (or its error).
    const block = report.split(/\n(?=✗ )/).find((text) => text.startsWith(`✗ ${id} `)) ?? "";
    const golden = CASES.find((item) => item.id === id)!;
    const inputs = golden.messages?.length ?? 1;
    const cliLines = block
      .split("\n")
      .slice(1 + inputs)
      .map((text) => text.trim());
    const article = `#failures [data-case="${id}"]`;
    if (cliLines[0]?.startsWith("error: ")) {
      expect(await page.textContent(`${article} .problem-line`)).toBe(cliLines[0]);
      continue;
    }
    expect(await page.textContent(`${article} .visually-hidden`)).toBe(cliLines.join("; "));
    const { id: _id, expect: _expect, tags: _tags, ...request } = golden as never as Record<string, unknown>;
    await expectHighlights(page, await answerFor(url, request as never), inputs, article);
  }
}
