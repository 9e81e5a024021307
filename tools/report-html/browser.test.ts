// A report opened from disk in headless chromium with no network: every chart is drawn (one canvas each),
// the page raises no error and asks for nothing over the network; a screenshot of each is kept under
// test-output/ (not committed). Skips, saying why, without chromium (chromium.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchReportHtml } from "./bench-report.js";
import { chaosReportHtml } from "./chaos-report.js";
import { CHROMIUM_MISSING_REQUIRED, chromiumSkipReason, launchChromium } from "./chromium.js";
import { recordedBenchRun, recordedChaosRun } from "./recorded-runs.js";
import { chartsIn } from "./report-checks.js";

const OUTPUT = fileURLToPath(new URL("../../test-output/", import.meta.url));
const skipped = chromiumSkipReason();
if (skipped !== null) console.warn(`skipped: ${skipped}`);

describe("chromiumSkipReason", () => {
  it("skips without chromium, fails when CI requires it, runs with it", () => {
    expect(chromiumSkipReason({}, false)).toContain('install Debian\'s "chromium"');
    expect(chromiumSkipReason({ CITA_REQUIRE_CHROMIUM: "0" }, false)).not.toBeNull();
    expect(() => chromiumSkipReason({ CITA_REQUIRE_CHROMIUM: "1" }, false)).toThrow(
      CHROMIUM_MISSING_REQUIRED,
    );
    expect(chromiumSkipReason({ CITA_REQUIRE_CHROMIUM: "1" }, true)).toBeNull();
  });
});

describe.skipIf(skipped !== null)("a report in chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ["chaos-report", () => chaosReportHtml(recordedChaosRun())],
    ["bench-report", () => benchReportHtml(recordedBenchRun())],
  ])("%s draws every chart, offline and without errors", { timeout: 60_000 }, async (name, build) => {
    mkdirSync(OUTPUT, { recursive: true });
    const file = join(OUTPUT, `${name}.html`);
    const html = build();
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("request", (request) => {
      if (!request.url().startsWith("file://")) requests.push(request.url());
    });
    await page.goto(`file://${file}`);
    await page.waitForSelector("body[data-charts]");
    const charts = chartsIn(html);
    expect(await page.getAttribute("body", "data-charts")).toBe(String(charts.length));
    for (const spec of charts)
      expect(await page.locator(`[id="${spec.id}"] canvas`).count(), spec.id).toBe(1);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true });
    await page.close();
  });
});
