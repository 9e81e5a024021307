// Golden suites in the browser (GET /golden) against `node src/node.ts`: a small golden file (cases copied
// from fixtures/, some failing by rules) run in chromium must report what `npm run golden -- FILE --url` reports
// for it against the same server (exact match, date+time, per field, per tag, per file, the failures and
// their differing fields), each failure drawn with the spans the service read; a dropped file loads too,
// and the stop button stops a run where it is.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { chromiumAvailable, OVERFLOW, screenshot, VIEWPORTS } from "../support/browser.js";
import { useBrowserOnNode } from "../support/browser-node.js";
import { CASES, calendarMisses, expectCliReport, FIXTURE, runInBrowser } from "../support/golden-page.js";
import { ENTRY_TEST_TIMEOUT_MS, stopAll } from "../support/node-entry.js";

afterAll(stopAll);

describe.runIf(chromiumAvailable())(
  "golden suites in the browser on Node",
  { timeout: ENTRY_TEST_TIMEOUT_MS },
  () => {
    const { browser, service } = useBrowserOnNode();

    it("reports what npm run golden reports for the same file", async () => {
      const { page, problems } = await browser.open();
      await expectCliReport(page, service.url);
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
