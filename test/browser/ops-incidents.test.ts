// The operations page's "Incidents" card in chromium against `node src/node.ts`, its providers on the shared
// simulator: every provider answering 5xx takes the router down, the service opens an incident, and the
// card shows it (severity, state, types, providers, checklist, timeline) with its announcement, in English
// and in Spanish, each the API's own for that language. Qwen's model name (configuration) carries markup
// that would set a window flag and open a dialog: it shows as text, and nothing runs. At 360 px the page
// does not scroll sideways. The page's Markdown drawing (static/ops/markdown.js) is also run on its own in
// the page: the elements it makes of headings, nested lists, bold and escapes, and the text it leaves.
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
import { JUDGED_QUICKLY, logIn, parseRequests } from "../support/ops-page.js";
import { simulatedProviders, useSimulatorScope } from "../support/simulator.js";

afterAll(stopAll);

const TOKEN = "ops-admin-token-for-incidents-0123456789";
const FLAG = "__citaInjected";
const MODEL = `qwen-plus<img src=x onerror="window.${FLAG}=1;alert(1)"><script>window.${FLAG}=1</script>`;
/** What would show an injection on the page. */
const INJECTED = "#incidents img, #incidents script, #incidents [onerror]";
/** The incident opens on the manager's tick (every second on Node); generous for a loaded machine. */
const OPEN_WITHIN_MS = 60_000;

interface IncidentRecord {
  id: string;
  severity: string;
  state: string;
  types: string[];
  providers: { provider: string; model: string }[];
  checklist: { doneBy: string }[];
  timeline: unknown[];
}

/** The announcement's text as the page shows it: without Markdown's marks, escapes undone, spaces collapsed. */
function shownText(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) =>
      line
        .replace(/^#{1,6}\s+/, "")
        .replace(/^\s*[-*]\s+/, "")
        .replace(/\\([!-/:-@[-`{-~])|\*\*/g, (_whole, escaped: string | undefined) => escaped ?? ""),
    )
    .join("")
    .replace(/\s+/g, "");
}

describe.runIf(chromiumAvailable())(
  "the operations page's incidents, on Node",
  { timeout: ENTRY_TEST_TIMEOUT_MS + OPEN_WITHIN_MS },
  () => {
    const simulator = useSimulatorScope({ seed: 1919 });
    const { browser, service } = useBrowserOnNode(() => ({
      ADMIN_TOKEN: TOKEN,
      ...simulatedProviders(simulator),
      QWEN_MODEL: MODEL,
      // Every provider failing is judged, and its breaker opened, after three calls.
      ...JUDGED_QUICKLY,
      INCIDENT_OPEN_AFTER_MS: "200",
    }));

    const admin = (path: string) =>
      fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });

    // Read by rules while no provider answers: the service keeps answering 200.
    const parse = parseRequests(() => service.url);

    /** Traffic while every provider fails, until the service has opened an incident; that incident. */
    async function openedIncident(): Promise<IncidentRecord> {
      const deadline = Date.now() + OPEN_WITHIN_MS;
      while (Date.now() < deadline) {
        await parse(1);
        const { incidents } = (await (await admin("/admin/incidents?state=open")).json()) as {
          incidents: IncidentRecord[];
        };
        if (incidents.length > 0) return incidents[0]!;
      }
      throw new Error(`no incident opened within ${OPEN_WITHIN_MS} ms`);
    }

    it("shows the incident the faults opened, with its announcement, in English and in Spanish; markup in a model name stays text", async () => {
      await simulator.setFaults("qwen", undefined, [{ kind: "serverError" }]);
      await simulator.setFaults("anthropic", undefined, [{ kind: "serverError" }]);
      const opened = await openedIncident();
      expect(opened.providers.map((target) => target.model)).toContain(MODEL);

      for (const language of ["en", "es"] as const) {
        const words = WORDS[language];
        const { page, problems } = await browser.open(
          VIEWPORTS.desktop,
          language === "es" ? "es-ES" : "en-US",
        );
        const dialogs: string[] = [];
        page.on("dialog", (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        /** The announcements the page was sent, each checked to be in its language. */
        const announcements: string[] = [];
        page.on("response", async (response) => {
          if (!response.url().includes(`/admin/incidents/${opened.id}/announcement`)) return;
          expect(new URL(response.url()).searchParams.get("lang")).toBe(language);
          expect(response.headers()["content-language"]).toBe(language);
          announcements.push(await response.text());
        });
        await logIn(page, service.url, TOKEN, false, language);
        expect(await page.textContent("#incidents-title")).toBe(words["incidents.title"]);
        const block = page.locator(`#incident-${opened.id}`);
        await block.waitFor();
        // The open incident is unfolded, and the card reads the record as the API has it now.
        expect(await block.getAttribute("open")).not.toBeNull();
        const now = (await (await admin(`/admin/incidents/${opened.id}`)).json()) as IncidentRecord;
        const summary = await block.locator("summary").textContent();
        expect(summary).toContain(opened.id);
        expect(summary).toContain(words[`severity.${now.severity}` as keyof typeof words]);
        const facts = await block.locator("dl.facts").first().textContent();
        for (const type of now.types) expect(facts).toContain(words[`type.${type}` as keyof typeof words]);
        // The model name as configured, markup and all, as text.
        expect(facts).toContain(MODEL);
        // Its checklist: a row per step, a person's steps said so.
        const checklist = block.locator("table").first();
        await expect.poll(() => checklist.locator("tbody tr").count()).toBe(now.checklist.length);
        const persons = now.checklist.filter((item) => item.doneBy === "person").length;
        expect(persons).toBeGreaterThan(0);
        expect(await checklist.locator("td").filter({ hasText: words["checklist.person"] }).count()).toBe(
          persons,
        );
        expect(await block.locator("table").nth(1).locator("tbody tr").count()).toBeGreaterThanOrEqual(1);

        // The announcement: the API's own text in the page's language (the last one the page was sent),
        // drawn as elements.
        const slot = block.locator(".announcement");
        await slot.locator("h5").waitFor();
        await expect
          .poll(async () => ((await slot.textContent()) ?? "").replace(/\s+/g, ""))
          .toBe(shownText(announcements.at(-1) ?? ""));
        expect(announcements.at(-1)).toMatch(language === "es" ? /\*\*Inicio:\*\*/ : /\*\*Start:\*\*/);
        expect(await slot.locator("li").count()).toBeGreaterThan(3);
        expect(await slot.locator("strong").count()).toBeGreaterThan(0);
        // The model name's markup came escaped in the Markdown, and shows as its characters.
        expect(await slot.textContent()).toContain(MODEL);

        // Nothing of the model name's markup became an element, ran or opened a dialog.
        expect(await page.locator(INJECTED).count()).toBe(0);
        expect(await page.evaluate(`window.${FLAG} ?? null`)).toBeNull();
        expect(dialogs).toEqual([]);
        expect(problems).toEqual([]);
        await screenshot(page, `ops-incident-desktop-${language}`);
      }

      // The narrowest phone, in Spanish (the longer words): nothing wider than the screen.
      const narrow = await browser.open(NARROW_PHONE, "es-ES");
      await logIn(narrow.page, service.url, TOKEN, false, "es");
      await narrow.page.locator(`#incident-${opened.id} .announcement h5`).waitFor();
      await screenshot(narrow.page, "ops-incident-narrow-es");
      // The card alone, the part of the page to look at.
      await narrow.page
        .locator("#incidents")
        .screenshot({ path: join(SCREENSHOTS, "ops-incident-card-narrow-es.png") });
      expect(await narrow.page.evaluate(OVERFLOW)).toBe(0);
      expect(narrow.problems).toEqual([]);
      await simulator.clearFaults();
    });

    it("draws Markdown as elements: a heading, nested lists, bold, escapes; tags, links and a lone ** stay text", async () => {
      const { page, problems } = await browser.open();
      await page.goto(`${service.url}/ops`);
      const markdown = [
        "### [P2] incident inc\\_1: *mitigated*",
        "",
        "- **Start:** Monday",
        "  - LLM path: P2, 60%",
        "  - Service: \\<b\\>0%\\</b\\>",
        "- **Model:** <img src=x onerror=alert(1)> [a](javascript:alert(1)) 2 \\*\\* 3",
        "",
        "**Impact since the start**",
        "text with ** unclosed",
      ].join("\n");
      // The page's own module, run in the page: what its elements are, tag by tag, text by text.
      const drawn = await page.evaluate(`(async () => {
        const { markdownBlocks } = await import("/static/ops/markdown.js");
        const shape = (node) =>
          node.nodeType === Node.TEXT_NODE
            ? node.textContent
            : { [node.tagName.toLowerCase()]: [...node.childNodes].map(shape) };
        return markdownBlocks(${JSON.stringify(markdown)}, 5).map(shape);
      })()`);
      expect(drawn).toEqual([
        { h5: ["[P2] incident inc_1: *mitigated*"] },
        {
          ul: [
            {
              li: [
                { strong: ["Start:"] },
                " Monday",
                { ul: [{ li: ["LLM path: P2, 60%"] }, { li: ["Service: <b>0%</b>"] }] },
              ],
            },
            {
              li: [{ strong: ["Model:"] }, " <img src=x onerror=alert(1)> [a](javascript:alert(1)) 2 ** 3"],
            },
          ],
        },
        { p: [{ strong: ["Impact since the start"] }] },
        { p: ["text with ** unclosed"] },
      ]);
      expect(problems).toEqual([]);
    });
  },
);
