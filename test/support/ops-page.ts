// The operations page (/ops) driven in chromium, for its browser tests on Node and workerd: log in with a
// token, wait for the console's first refresh, read a provider's row, and what the tab stored; the router's
// settings those tests run under, and the parse requests they send.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { WORDS } from "../../src/web/public/static/ops/words.js";

export const TOKEN_KEY = "cita-ops-token";

/**
 * Opens /ops and logs in with `token`, through the login's words in `language` (the browser's); waits for
 * the console, or for the login's error when `refused`.
 */
export async function logIn(
  page: Page,
  baseUrl: string,
  token: string,
  refused = false,
  language: keyof typeof WORDS = "en",
): Promise<void> {
  await page.goto(`${baseUrl}/ops`);
  await page.getByLabel(WORDS[language]["login.token"]).fill(token);
  await page.getByRole("button", { name: WORDS[language]["login.submit"] }).click();
  if (refused)
    await page
      .locator("#login-error")
      .filter({ hasText: /refused/ })
      .waitFor();
  else await page.locator("#console").waitFor({ state: "visible" });
}

/** A provider's row in the providers' table (by provider name: the first of its models). */
export function providerRow(page: Page, provider: string) {
  return page.locator(`#providers tr[data-provider="${provider}"]`).first();
}

/** What the tab stored: session storage, local storage and cookies, and the page's URL. */
export async function storedByTab(page: Page) {
  const read = (expression: string) => page.evaluate(expression) as Promise<string>;
  return {
    session: JSON.parse(await read("JSON.stringify(Object.entries(sessionStorage))")) as [string, string][],
    local: JSON.parse(await read("JSON.stringify(Object.entries(localStorage))")) as [string, string][],
    cookies: await page.context().cookies(),
    url: page.url(),
  };
}

/** Every chart of the last hour drew a canvas and has its table alternative. */
export async function expectCharts(page: Page): Promise<void> {
  const charts = page.locator("#charts figure.chart");
  await charts.first().locator("canvas").first().waitFor();
  const ids = await charts.evaluateAll((figures) => figures.map((figure) => figure.id));
  expect(ids).toEqual([
    "chart-latency",
    "chart-errors",
    "chart-timeouts",
    "chart-rate-limits",
    "chart-confidence",
    "chart-cache",
    "chart-requests",
    "chart-cost",
  ]);
  for (const id of ids) {
    await expect.poll(() => page.locator(`#${id} canvas`).count()).toBeGreaterThan(0);
    expect(await page.locator(`#${id} table.figures tbody tr`).count()).toBeGreaterThan(0);
  }
}

/**
 * The router as the page's tests want it: three failed calls judge a provider and open its breaker, which
 * stays open until reset; no cache or hedge hides a failing provider, and retries do not wait.
 */
export const JUDGED_QUICKLY = {
  LLM_HEALTH_MIN_SAMPLES: "3",
  LLM_BREAKER_COOLDOWN_MS: "600000",
  LLM_CACHE_MAX_ENTRIES: "0",
  LLM_HEDGE_BUDGET: "0",
  LLM_BACKOFF_BASE_MS: "1",
  LLM_BACKOFF_MAX_MS: "5",
} as const;

/** Sends parse requests to the service at `url()`, each text new (no cache answers it), each answered 200. */
export function parseRequests(url: () => string): (count: number) => Promise<void> {
  let sent = 0;
  return async (count) => {
    for (let index = 0; index < count; index++) {
      const response = await fetch(`${url()}/v1/appointments/parse`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          text: `Book a haircut tomorrow at ${(sent++ % 8) + 9}am, ticket ${sent}`,
          timezone: "America/New_York",
          now: "2026-06-07T11:00:00-04:00",
        }),
      });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
  };
}
