// The operations page (/ops) in chromium against `node src/node.ts`, its providers on the shared simulator:
// a wrong token is refused on the login; the right one is kept in the tab's session storage only; the
// page shows the providers and the charts of the hour; a provider whose calls fail goes down with its
// breaker open, and "Reset breaker", confirmed in the dialog, closes it; an action cancelled with the
// keyboard changes nothing; logging out forgets the token. Screenshots at desktop and phone widths.
import { copyFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { WORDS } from "../../src/web/public/static/ops/words.js";
import {
  chromiumAvailable,
  NARROW_PHONE,
  OVERFLOW,
  SCREENSHOTS,
  screenshot,
  VIEWPORTS,
} from "../support/browser.js";
import { useBrowserOnNode } from "../support/browser-node.js";
import { ENTRY_TEST_TIMEOUT_MS, stopAll } from "../support/node-entry.js";
import { headingSlugs, RUNBOOK_BASE, readText } from "../support/ops-files.js";
import {
  expectCharts,
  JUDGED_QUICKLY,
  logIn,
  parseRequests,
  providerRow,
  storedByTab,
  TOKEN_KEY,
} from "../support/ops-page.js";
import { simulatedProviders, useSimulatorScope } from "../support/simulator.js";

const TOKEN = "ops-admin-token-for-the-browser-0123456789";
/** The README's picture, rewritten only on request (CITA_UPDATE_README_IMAGES=1), so a run changes no tracked file. */
const README_IMAGE = join(import.meta.dirname, "..", "..", "docs", "images", "ops.png");

afterAll(stopAll);

describe.runIf(chromiumAvailable())(
  "the operations page in chromium, on Node",
  { timeout: ENTRY_TEST_TIMEOUT_MS },
  () => {
    const simulator = useSimulatorScope({ seed: 1818 });
    const { browser, service } = useBrowserOnNode(() => ({
      ADMIN_TOKEN: TOKEN,
      ...simulatedProviders(simulator),
      LLM_WEIGHTS: "qwen=100,anthropic=1",
      // Three failed calls are enough to judge qwen and open its breaker, which stays open until reset.
      ...JUDGED_QUICKLY,
    }));

    const parse = parseRequests(() => service.url);

    async function breakerOf(provider: string): Promise<string> {
      const response = await fetch(`${service.url}/admin/router`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      const snapshot = (await response.json()) as { providers: { provider: string; breaker: string }[] };
      return snapshot.providers.find((target) => target.provider === provider)?.breaker ?? "none";
    }

    it("refuses a wrong token on the login, with the API's message, and stores nothing", async () => {
      const { page, problems } = await browser.open();
      await logIn(page, service.url, "not-the-admin-token-not-the-admin-token", true);
      expect(await page.locator("#login-error").textContent()).toMatch(/refused \(401 unauthorized\)/);
      expect(await page.locator("#console").isHidden()).toBe(true);
      const stored = await storedByTab(page);
      expect(stored.session).toEqual([]);
      expect(stored.local).toEqual([]);
      expect(problems.filter((problem) => !problem.includes("401"))).toEqual([]);
    });

    it("keeps the token in the tab's session storage only, and shows the providers and the hour's charts", async () => {
      await parse(3);
      const { page, problems } = await browser.open();
      await logIn(page, service.url, TOKEN);
      const stored = await storedByTab(page);
      expect(stored.session).toEqual([[TOKEN_KEY, TOKEN]]);
      expect(stored.local).toEqual([]);
      expect(stored.cookies).toEqual([]);
      expect(stored.url).toBe(`${service.url}/ops`);
      expect(await providerRow(page, "qwen").textContent()).toContain("healthy");
      expect(await providerRow(page, "anthropic").count()).toBe(1);
      await expectCharts(page);
      expect(await page.locator("#charts-scope").textContent()).toMatch(/this instance alone/);
      // The hour's requests, in the requests chart's table alternative.
      expect(await page.locator("#chart-requests table.figures tbody td").nth(1).textContent()).toBe("3");
      // Every action links to a section of its runbook that exists.
      const links = await page
        .locator("#actions a")
        .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
      expect(links.length).toBeGreaterThanOrEqual(6);
      for (const link of links) {
        expect(link.startsWith(`${RUNBOOK_BASE}docs/runbooks/`), link).toBe(true);
        const [path, anchor] = link.slice(RUNBOOK_BASE.length).split("#") as [string, string];
        expect([...headingSlugs(readText(path))], link).toContain(anchor);
      }
      expect(problems).toEqual([]);
    });

    it("speaks Spanish to a browser whose language is Spanish, and English again after the switch", async () => {
      const { page, problems } = await browser.open(VIEWPORTS.desktop, "es-ES");
      await logIn(page, service.url, TOKEN, false, "es");
      expect(await page.getAttribute("html", "lang")).toBe("es");
      expect(await page.textContent("h1")).toBe(WORDS.es["title.ops"]);
      expect(
        await page.getByRole("link", { name: WORDS.es["navigation.ops"] }).getAttribute("aria-current"),
      ).toBe("page");
      // Words the server rendered, and words the scripts wrote from the admin API's answers.
      expect(await page.textContent("#providers-title")).toBe(WORDS.es["providers.title"]);
      expect(await page.locator("#overview dt").first().textContent()).toBe(WORDS.es["fact.state"]);
      expect(await providerRow(page, "qwen").getByRole("button").textContent()).toBe(
        WORDS.es["breaker.reset"],
      );
      expect(await page.textContent("#charts-scope")).toBe(WORDS.es["scope.instance"]);
      await expect
        .poll(() => page.textContent("#chart-requests figcaption"))
        .toBe(WORDS.es["chart.requests"]);
      expect(await page.getByRole("button", { name: WORDS.es["conservation.on"], exact: true }).count()).toBe(
        1,
      );
      await page.selectOption("#page-language", "en");
      expect(await page.textContent("h1")).toBe(WORDS.en["title.ops"]);
      await expect
        .poll(() => page.locator("#overview dt").first().textContent())
        .toBe(WORDS.en["fact.state"]);
      await expect
        .poll(() => page.textContent("#chart-requests figcaption"))
        .toBe(WORDS.en["chart.requests"]);
      expect(await page.getByRole("button", { name: WORDS.en["conservation.on"], exact: true }).count()).toBe(
        1,
      );
      expect(problems).toEqual([]);
      // Spanish words are longer: the page still fits the narrowest phone.
      const narrow = await browser.open(NARROW_PHONE, "es-ES");
      await logIn(narrow.page, service.url, TOKEN, false, "es");
      await expectCharts(narrow.page);
      await screenshot(narrow.page, "ops-node-narrow-es");
      expect(await narrow.page.evaluate(OVERFLOW)).toBe(0);
      expect(narrow.problems).toEqual([]);
    });

    it("shows a failing provider's breaker open, and closes it with a confirmed reset", async () => {
      await simulator.setFaults("qwen", undefined, [{ kind: "serverError" }]);
      await parse(8);
      expect(await breakerOf("qwen")).toBe("open");
      await simulator.clearFaults();

      const { page, problems } = await browser.open();
      await logIn(page, service.url, TOKEN);
      const row = providerRow(page, "qwen");
      expect(await row.locator(".badge").first().textContent()).toBe("down");
      expect(await row.textContent()).toContain("circuit breaker open");
      await expect
        .poll(() => page.locator("#chart-errors table.figures tbody tr").first().textContent())
        .toMatch(/qwen/);
      await screenshot(page, "ops-node-desktop-breaker-open");
      // The README's picture: the top of the page (router, providers, the first charts), under 200 KB.
      await page.setViewportSize({ width: 1280, height: 1400 });
      const picture = join(SCREENSHOTS, "ops-node-readme.png");
      await page.screenshot({ path: picture });
      expect(statSync(picture).size).toBeLessThan(200_000);
      if (process.env.CITA_UPDATE_README_IMAGES === "1") copyFileSync(picture, README_IMAGE);

      await row.getByRole("button", { name: /Reset the breaker of qwen/ }).click();
      const dialog = page.getByRole("dialog");
      await dialog.waitFor();
      expect(await dialog.textContent()).toMatch(/Close the breaker of qwen/);
      await dialog.getByRole("button", { name: "Confirm" }).click();
      await page.locator("#action-result.success").waitFor();
      expect(await page.locator("#action-result").textContent()).toMatch(
        /done\. qwen\/.*: breaker closed, healthy\./,
      );
      expect(await breakerOf("qwen")).toBe("closed");
      await expect.poll(() => row.locator(".badge").first().textContent()).toBe("healthy");
      expect(problems).toEqual([]);
    });

    it("cancels an action from the keyboard (Escape), keeps the focus across refreshes, and reports an API refusal", async () => {
      const { page, problems } = await browser.open();
      await logIn(page, service.url, TOKEN);
      const conservationOn = page.getByRole("button", { name: "Conservation mode on" });
      await conservationOn.focus();
      await page.keyboard.press("Enter");
      await page.getByRole("dialog").waitFor();
      await page.keyboard.press("Escape");
      await page.locator("#action-result").filter({ hasText: "cancelled" }).waitFor();
      expect(await conservationOn.evaluate((button) => button === button.ownerDocument.activeElement)).toBe(
        true,
      );

      // The providers' table is redrawn at every refresh: a focused row button keeps the focus.
      const reset = providerRow(page, "anthropic").getByRole("button", { name: /Reset the breaker/ });
      await reset.focus();
      const before = await page.locator("#status").textContent();
      await expect.poll(() => page.locator("#status").textContent(), { timeout: 15_000 }).not.toBe(before);
      expect(await page.evaluate("document.activeElement?.getAttribute('data-focus-key') ?? null")).toMatch(
        /^reset:anthropic\//,
      );

      // A weight over the API's bound: the API's own message is shown.
      await page.getByLabel("Weight of qwen").fill("20000");
      await page.getByRole("button", { name: "Set weights" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
      await page.locator("#action-result.failure").waitFor();
      expect(await page.locator("#action-result").textContent()).toMatch(
        /refused \(400 invalid_request: .+\)/,
      );

      // A confirmed switch answers with the new state.
      await conservationOn.click();
      await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
      await page.locator("#action-result.success").waitFor();
      expect(await page.locator("#action-result").textContent()).toMatch(/conservation mode on \(admin\)/);
      await page.getByRole("button", { name: "Conservation mode off" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
      await page.locator("#action-result").filter({ hasText: "conservation mode off" }).waitFor();
      expect(problems.filter((problem) => !problem.includes("400"))).toEqual([]);
    });

    it("forgets the token on logout, and saves screenshots at desktop and phone widths", async () => {
      // The narrowest phone too.
      for (const [name, viewport] of Object.entries({ ...VIEWPORTS, narrow: NARROW_PHONE })) {
        const { page, problems } = await browser.open(viewport);
        await logIn(page, service.url, TOKEN);
        await expectCharts(page);
        await screenshot(page, `ops-node-${name}`);
        // Nothing wider than the phone's screen but the tables' own scrolling regions.
        const overflow = await page.evaluate(OVERFLOW);
        expect(overflow).toBe(0);
        await page.getByRole("button", { name: "Log out" }).click();
        await page.locator("#login").waitFor({ state: "visible" });
        expect((await storedByTab(page)).session).toEqual([]);
        expect(problems).toEqual([]);
      }
    });
  },
);
