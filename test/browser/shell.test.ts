// The console's shell in a real chromium, served by `node src/node.ts`: the pages load their files under
// the Content-Security-Policy without a script error or a violation, and an inline script (what an
// injected <script> would be) is refused by the policy.
import { afterAll, describe, expect, it } from "vitest";
import { chromiumAvailable } from "../support/browser.js";
import { useBrowserOnNode } from "../support/browser-node.js";
import { ENTRY_TEST_TIMEOUT_MS, stopAll } from "../support/node-entry.js";

afterAll(stopAll);

describe.runIf(chromiumAvailable())(
  "the console's shell in chromium",
  { timeout: ENTRY_TEST_TIMEOUT_MS },
  () => {
    const { browser, service } = useBrowserOnNode();

    it.each(["/", "/ops"])("%s loads with no problem", async (path) => {
      const { page, problems } = await browser.open();
      const response = await page.goto(`${service.url}${path}`);
      expect(response?.status()).toBe(200);
      await page.waitForLoadState("networkidle");
      expect(problems).toEqual([]);
    });

    it("refuses an inline script under the policy", async () => {
      const { page, problems } = await browser.open();
      await page.goto(`${service.url}/`);
      // A string, evaluated in the page: this project's type-check has no DOM library.
      await page.evaluate(`{
        const script = document.createElement("script");
        script.textContent = "document.title = 'injected'";
        document.body.appendChild(script);
      }`);
      expect(await page.title()).not.toBe("injected");
      expect(problems.join("\n")).toMatch(/Content Security Policy/);
    });
  },
);
