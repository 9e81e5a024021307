// Golden suites in the browser (GET /golden) against `node src/node.ts`: a small golden file (cases copied
// from fixtures/, some failing by rules) run in chromium must report what `npm run golden -- FILE --url` reports
// for it against the same server (exact match, date+time, per field, per tag, per file, the failures and
// their differing fields), each failure drawn with the spans the service read; a dropped file loads too,
// and the stop button stops a run where it is.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { chromiumAvailable, OVERFLOW, screenshot, VIEWPORTS } from "../support/browser.js";
import { useBrowserOnNode } from "../support/browser-node.js";
import { ENTRY_TEST_TIMEOUT_MS, stopAll } from "../support/node-entry.js";
import { answerFor, expectHighlights, type PlaygroundRequest } from "../support/playground.js";

afterAll(stopAll);

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const FIXTURE = join(ROOT, "test", "browser", "fixtures", "golden-small.jsonl");
const CASES = readFileSync(FIXTURE, "utf8")
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
function calendarMisses(): string[] {
  return CASES.filter((golden) => golden.calendarId !== undefined).map(
    () => "console error: Failed to load resource: the server responded with a status of 404 (Not Found)",
  );
}

async function runInBrowser(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/golden`);
  await page.selectOption("#page-language", "en");
  await page.setInputFiles("#golden-file", FIXTURE);
  await page.click("#golden-run");
  await page.waitForSelector("#exact-match", { timeout: 60_000 });
}

describe.runIf(chromiumAvailable())(
  "golden suites in the browser on Node",
  { timeout: ENTRY_TEST_TIMEOUT_MS },
  () => {
    const { browser, service } = useBrowserOnNode();

    it("reports what npm run golden reports for the same file", async () => {
      const { page, problems } = await browser.open();
      const [report] = await Promise.all([goldenCli(service.url), runInBrowser(page, service.url)]);
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
        const {
          id: _id,
          expect: _expect,
          tags: _tags,
          ...request
        } = golden as never as Record<string, unknown>;
        await expectHighlights(page, await answerFor(service.url, request as never), inputs, article);
      }
      expect(problems).toEqual(calendarMisses());
    });

    it("loads a dropped file, and stops a run where it is", async () => {
      const { page, problems } = await browser.open();
      await page.goto(`${service.url}/golden`);
      await page.selectOption("#page-language", "en");
      // Each answer waits until the test lets it through, so the stop lands mid-run.
      const held: (() => void)[] = [];
      await page.route("**/v1/appointments/parse", (route) => {
        held.push(() => void route.continue());
      });
      const content = readFileSync(FIXTURE, "utf8");
      // Evaluated in the page, as a string: this project's type-check has no DOM library.
      const dropped = await page.evaluateHandle(`{
        const transfer = new DataTransfer();
        transfer.items.add(new File([${JSON.stringify(content)}], "dropped.jsonl", { type: "text/plain" }));
        transfer;
      }`);
      await page.dispatchEvent("#drop-zone", "drop", { dataTransfer: dropped });
      await expect
        .poll(() => page.textContent("#golden-loaded"))
        .toBe(`${CASES.length} cases from dropped.jsonl; 0 invalid lines.`);
      await page.click("#golden-run");
      for (let answered = 0; answered < 2; answered++) {
        await expect.poll(() => held.length).toBe(answered + 1);
        held[answered]!();
        await expect
          .poll(() => page.textContent("#golden-status"))
          .toBe(`Ran ${answered + 1} of ${CASES.length} cases.`);
      }
      await expect.poll(() => held.length).toBe(3);
      await page.click("#golden-stop");
      await expect
        .poll(() => page.textContent("#golden-status"))
        .toBe(`Stopped after 2 of ${CASES.length} cases.`);
      expect(await page.textContent("#exact-match")).toMatch(/^Exact match: \d\/2 cases/);
      expect(await page.isEnabled("#golden-run")).toBe(true);
      // The stopped request is the one aborted, reported by the browser as a failed request.
      expect(problems).toEqual([expect.stringMatching(/^request failed: .*\/v1\/appointments\/parse$/)]);
    });

    it.each(Object.entries(VIEWPORTS))(
      "draws the report on a %s screen (screenshot)",
      async (name, viewport) => {
        const { page, problems } = await browser.open(viewport);
        await runInBrowser(page, service.url);
        const overflow = await page.evaluate(OVERFLOW);
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(page, `golden-${name}`);
        expect(problems).toEqual(calendarMisses());
      },
    );
  },
);
