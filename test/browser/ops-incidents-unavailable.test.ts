// The operations page when the incident records cannot be read (GET /admin/incidents answers 500: the
// database down): the incidents card says so, in English and in Spanish, while the other cards (router,
// models, variants, stores, the last hour) show and keep refreshing, and the page logs nothing but that 500.
// The service is an app in this process, its providers on the shared simulator, whose incident store fails
// every call, served on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import type { IncidentStore } from "../../src/incidents/types.js";
import { WORDS } from "../../src/web/public/static/ops/words.js";
import { nodeStaticFiles } from "../../src/web/static-files.js";
import { chromiumAvailable, useBrowser } from "../support/browser.js";
import { logIn } from "../support/ops-page.js";
import { simulatedProviders, useSimulatorScope } from "../support/simulator.js";
import { type ServedApp, serveOnLoopback } from "../support/socket-client.js";

const TOKEN = "ops-admin-token-incidents-down-0123456789";
/** What chromium logs for a resource answered 500, and nothing else is expected. */
const FIVE_HUNDRED = "console error: Failed to load resource: the server responded with a status of 500";
/** The page refreshes every 5 s; a loaded machine may take longer to show the second one. */
const REFRESHED_WITHIN_MS = 30_000;

function down(): never {
  throw new Error("the incidents' database is down");
}
const failingStore: IncidentStore = {
  openIncident: async () => down(),
  saveIncident: async () => down(),
  getIncident: async () => down(),
  openedIncident: async () => down(),
  listIncidents: async () => down(),
};

describe.runIf(chromiumAvailable())(
  "the operations page while the incident records cannot be read",
  { timeout: 2 * REFRESHED_WITHIN_MS + 30_000 },
  () => {
    const simulator = useSimulatorScope({ seed: 1919 });
    const browser = useBrowser();
    let served: ServedApp | undefined;
    beforeAll(async () => {
      const config = readConfig({ ADMIN_TOKEN: TOKEN, ...simulatedProviders(simulator) });
      served = await serveOnLoopback(
        createApp({ config, staticFiles: nodeStaticFiles(), incidentStore: failingStore }),
      );
    });
    afterAll(async () => {
      await served?.close();
    });

    for (const language of ["en", "es"] as const) {
      it(`says so in the incidents card (${language}); the other cards show and refresh`, async () => {
        const words = WORDS[language];
        const { page, problems } = await browser.open(undefined, language === "es" ? "es-ES" : "en-US");
        const failed: string[] = [];
        page.on("response", (response) => {
          if (response.status() >= 400)
            failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
        });
        await logIn(page, `http://127.0.0.1:${served!.port}`, TOKEN, false, language);

        // The incidents card: the words for it, with the API's message.
        const [before] = words["incidents.unavailable"].split("{message}");
        const card = page.locator("#incidents");
        await expect.poll(() => card.textContent()).toContain(before);
        expect(await card.textContent()).toContain("The service failed to answer; please retry.");
        // The status line says the page was updated, not that it failed.
        const [updated] = words["status.updated"].split("{time}");
        expect(await page.locator("#status").textContent()).toContain(updated);
        expect(await page.locator("#status").getAttribute("class")).toBe("status");
        // The other cards are drawn.
        expect(await page.locator("#providers tr[data-provider]").count()).toBeGreaterThan(0);
        for (const id of ["models", "variants", "stores"]) {
          expect(((await page.locator(`#${id}`).textContent()) ?? "").trim(), id).not.toBe("");
        }
        expect(await page.locator("#charts figure.chart").count()).toBeGreaterThan(0);

        // The next refresh draws the router's and the models' cards again (mutations of their children), and
        // the incidents card still says the records cannot be read.
        await page.evaluate(`(() => {
          window.__redrawn = { providers: 0, models: 0 };
          for (const id of ["providers", "models"])
            new MutationObserver(() => { window.__redrawn[id] += 1; })
              .observe(document.getElementById(id), { childList: true, subtree: true });
        })()`);
        for (const id of ["providers", "models"])
          await expect
            .poll(() => page.evaluate(`window.__redrawn.${id}`), { timeout: REFRESHED_WITHIN_MS })
            .toBeGreaterThan(0);
        expect(await card.textContent()).toContain(before);

        // Nothing failed but GET /admin/incidents, and the page logged nothing but those 500s.
        expect(failed.length).toBeGreaterThanOrEqual(2);
        expect(new Set(failed)).toEqual(new Set(["500 /admin/incidents"]));
        expect(problems.length).toBeGreaterThan(0);
        for (const problem of problems) expect(problem.startsWith(FIVE_HUNDRED), problem).toBe(true);
      });
    }
  },
);
