// The operations page (/ops) driven in chromium, for its browser tests on Node and workerd: log in with a
// token, wait for the console's first refresh, read a provider's row, and what the tab stored.
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
