// The HTML reports of `npm run chaos -- --report` and `npm run bench -- --report`, opened from disk in a
// real chromium with no network: every chart is drawn (one canvas each), the page raises no error and asks
// for nothing over the network; a screenshot of each is kept under test-output/ (not committed).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { benchReportHtml } from "../../tools/report-html/bench-report.js";
import { chaosReportHtml } from "../../tools/report-html/chaos-report.js";
import { recordedBenchRun, recordedChaosRun } from "../../tools/report-html/recorded-runs.js";
import { chartsIn } from "../../tools/report-html/report-checks.js";
import { chromiumAvailable, SCREENSHOTS, screenshot, useBrowser } from "../support/browser.js";

describe.runIf(chromiumAvailable())("a report in chromium", () => {
  const browser = useBrowser();

  it.each([
    ["chaos-report", () => chaosReportHtml(recordedChaosRun())],
    ["bench-report", () => benchReportHtml(recordedBenchRun())],
  ])("%s draws every chart, offline and without errors", { timeout: 60_000 }, async (name, build) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = join(SCREENSHOTS, `${name}.html`);
    const html = build();
    writeFileSync(file, html);
    const { page, problems } = await browser.open({ width: 1200, height: 900 });
    const requests: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith("file://")) requests.push(request.url());
    });
    await page.goto(`file://${file}`);
    await page.waitForSelector("body[data-charts]");
    const charts = chartsIn(html);
    expect(await page.getAttribute("body", "data-charts")).toBe(String(charts.length));
    for (const spec of charts)
      expect(await page.locator(`[id="${spec.id}"] canvas`).count(), spec.id).toBe(1);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await screenshot(page, name);
  });
});
