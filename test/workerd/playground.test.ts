// The playground on workerd (the shared rules worker of `wrangler dev`, its page's files served by Workers
// Static Assets): a Spanish and an English message and a three-turn conversation typed in chromium, whose
// card, highlighted spans and raw JSON must be the Worker's own answer for the same request; screenshots at
// desktop and phone widths. The Node side is test/browser/playground.test.ts; the golden page's report is
// test/workerd/golden-page.test.ts.
import { describe, expect, it } from "vitest";
import { chromiumAvailable, screenshot, useBrowser, VIEWPORTS } from "../support/browser.js";
import {
  answerFor,
  expectAnswered,
  expectPageShows,
  PLAYGROUND_CASES,
  readInPlayground,
} from "../support/playground.js";
import { useWorker } from "../support/workers.js";

const workerUrl = useWorker("rules");

describe.runIf(chromiumAvailable())("the playground on workerd", () => {
  const browser = useBrowser();

  it.each(PLAYGROUND_CASES)("shows the Worker's answer and spans for $name", async ({ request }) => {
    const { page, problems } = await browser.open();
    const response = await page.goto(`${workerUrl()}/`);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await readInPlayground(page, request);
    await expectAnswered(page);
    await expectPageShows(page, await answerFor(workerUrl(), request), request);
    expect(problems).toEqual([]);
  });

  it.each(Object.entries(VIEWPORTS))(
    "draws an answer on a %s screen (screenshot)",
    async (name, viewport) => {
      const { page, problems } = await browser.open(viewport);
      await page.goto(`${workerUrl()}/`);
      await readInPlayground(page, PLAYGROUND_CASES[0]!.request);
      await screenshot(page, `playground-workerd-${name}`);
      expect(problems).toEqual([]);
    },
  );
});
