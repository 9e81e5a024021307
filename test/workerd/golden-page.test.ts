// Golden suites in the browser on workerd (the shared rules worker of `wrangler dev`, the page's files
// served by Workers Static Assets): the small golden file run in chromium must report what
// `npm run golden -- FILE --url` reports against the same Worker. The Node side, with the dropped file and
// the stop button, is test/browser/golden-page.test.ts.
import { describe, expect, it } from "vitest";
import { chromiumAvailable, useBrowser } from "../support/browser.js";
import { calendarMisses, expectCliReport } from "../support/golden-page.js";
import { useWorker } from "../support/workers.js";

const workerUrl = useWorker("rules");

describe.runIf(chromiumAvailable())("golden suites in the browser on workerd", () => {
  const browser = useBrowser();

  it("reports what npm run golden reports for the same file", { timeout: 90_000 }, async () => {
    const { page, problems } = await browser.open();
    await expectCliReport(page, workerUrl());
    // The Worker has no calendar for the fixture's calendar case either: the CLI and the page get its 404.
    expect(problems).toEqual(calendarMisses());
  });
});
