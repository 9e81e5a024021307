// The operations page (/ops) on workerd, on the shared llm worker (test/support/workers.ts): its scripts and
// styles come from Workers Static Assets under the Content-Security-Policy, the login takes the worker's
// ADMIN_TOKEN, and the page shows the worker's three providers and the hour's charts, labelled as the
// fleet's (the METRICS Durable Object is bound in wrangler.toml). Nothing here injects faults: the worker's
// simulator scope is shared with the other workerd files. Screenshots at desktop and phone widths.
import { describe, expect, it } from "vitest";
import { TimelineSchema } from "../../src/http/schemas/series.js";
import { chromiumAvailable, screenshot, useBrowser, VIEWPORTS } from "../support/browser.js";
import { expectCharts, logIn, providerRow, storedByTab, TOKEN_KEY } from "../support/ops-page.js";
import { ADMIN_TOKEN, useWorker } from "../support/workers.js";

const workerUrl = useWorker("llm");

async function parseWithLlm(url: string, text: string): Promise<void> {
  const response = await fetch(`${url}/v1/appointments/parse`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text, timezone: "Europe/Madrid", now: "2026-01-22T10:30:00+01:00", mode: "llm" }),
  });
  expect(response.status).toBe(200);
  await response.arrayBuffer();
}

describe("GET /admin/series on workerd", () => {
  it("answers 401 without the token, and the fleet's hour from the METRICS Durable Object with it", async () => {
    const url = workerUrl();
    const refused = await fetch(`${url}/admin/series`);
    expect(refused.status).toBe(401);
    await refused.arrayBuffer();
    await parseWithLlm(url, "book a dentist on Friday at 11am for the operations page");
    const response = await fetch(`${url}/admin/series`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(response.status).toBe(200);
    const answer = TimelineSchema.parse(await response.json());
    expect(answer.scope).toBe("fleet");
    // Other files' requests reach this worker too: at least this one is counted.
    expect(answer.requests.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(1);
    expect(answer.providers.map((target) => target.provider)).toContain("qwen");
  });
});

describe.runIf(chromiumAvailable())("the operations page in chromium, on workerd", () => {
  const browser = useBrowser();

  it("logs in, shows the providers and the fleet's charts, with the token in session storage only", async () => {
    const url = workerUrl();
    await parseWithLlm(url, "book a haircut on Saturday at 10am for the operations page");
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const { page, problems } = await browser.open(viewport);
      await logIn(page, url, ADMIN_TOKEN);
      for (const provider of ["qwen", "anthropic", "mistral"]) {
        expect(await providerRow(page, provider).count()).toBe(1);
      }
      await expectCharts(page);
      expect(await page.locator("#charts-scope").textContent()).toMatch(/the whole Worker/);
      // A Worker's isolates are a fleet: the per-instance actions say so.
      expect(await page.locator("#fleet-note").isVisible()).toBe(true);
      expect(await page.locator("#actions .per-instance").first().isVisible()).toBe(true);
      const stored = await storedByTab(page);
      expect(stored.session).toEqual([[TOKEN_KEY, ADMIN_TOKEN]]);
      expect(stored.local).toEqual([]);
      await screenshot(page, `ops-workerd-${name}`);
      expect(problems).toEqual([]);
    }
  });
});
