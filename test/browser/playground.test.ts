// The playground (GET /) in chromium against `node src/node.ts` reading by rules: a Spanish and an English
// message and a three-turn conversation typed in the form, whose card, highlighted spans and raw JSON must
// be the service's own answer for the same request (fetched here); the share link's round trip; the page's
// words in both languages; keyboard use; screenshots at desktop and phone width.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { WORDS } from "../../src/web/public/static/playground/words.js";
import { chromiumAvailable, NARROW_PHONE, OVERFLOW, screenshot, VIEWPORTS } from "../support/browser.js";
import { useBrowserOnNode } from "../support/browser-node.js";
import { ENTRY_TEST_TIMEOUT_MS, stopAll } from "../support/node-entry.js";
import {
  answerFor,
  expectAnswered,
  expectPageShows,
  PLAYGROUND_CASES,
  pressAndWait,
  readCard,
  readHighlights,
  readInPlayground,
} from "../support/playground.js";

afterAll(stopAll);

const SPANISH = PLAYGROUND_CASES[0]!.request;
// Evaluated in the page, as strings: this project's type-check has no DOM library.
const ACTIVE_ID = "document.activeElement?.id";

describe.runIf(chromiumAvailable())("the playground on Node", { timeout: ENTRY_TEST_TIMEOUT_MS }, () => {
  const { browser, service } = useBrowserOnNode();

  it.each(PLAYGROUND_CASES)("shows the service's answer and spans for $name", async ({ request }) => {
    const { page, problems } = await browser.open();
    await page.goto(`${service.url}/`);
    await readInPlayground(page, request);
    await expectAnswered(page);
    await expectPageShows(page, await answerFor(service.url, request), request);
    expect(problems).toEqual([]);
  });

  it("opens a share link with the same request, fills the form and reads it", async () => {
    const first = await browser.open();
    await first.page.goto(`${service.url}/`);
    const conversation = PLAYGROUND_CASES[2]!.request;
    await readInPlayground(first.page, conversation);
    await first.page.click("#share");
    const link = await first.page.getAttribute("#share-link", "href");
    expect(link).toMatch(/^#request=[A-Za-z0-9_-]+$/);
    expect(new URL(first.page.url()).hash).toBe(link);
    expect(sharedRequest(link!)).toEqual(conversation);

    const second = await browser.open();
    await second.page.goto(`${service.url}/${link}`);
    await second.page.waitForSelector('#status[data-reads="1"]');
    for (const [index, message] of conversation.messages!.entries()) {
      expect(await second.page.inputValue(`#turn-${index + 1}-content`)).toBe(message.content);
      expect(await second.page.inputValue(`#turn-${index + 1}-role`)).toBe(message.role);
    }
    expect(await second.page.inputValue("#timezone")).toBe(conversation.timezone);
    expect(await second.page.inputValue("#now")).toBe(conversation.now);
    expect(await second.page.inputValue("#mode")).toBe("rules");
    expect(await rawAnswer(second.page)).toEqual(await rawAnswer(first.page));
    expect([...first.problems, ...second.problems]).toEqual([]);
  });

  it("shares every field of the form, a single text and a calendar too", async () => {
    const { page, problems } = await browser.open();
    await page.goto(`${service.url}/`);
    const request = { ...SPANISH, locale: "es", calendarId: "consultorio-ñ 1" };
    await page.fill("#message-text", request.text!);
    await page.selectOption("#locale", request.locale);
    await page.fill("#timezone", request.timezone);
    await page.fill("#now", request.now);
    await page.selectOption("#mode", "rules");
    await page.fill("#calendar-id", request.calendarId);
    await page.click("#share");
    const link = (await page.getAttribute("#share-link", "href"))!;
    expect(sharedRequest(link)).toEqual(request);
    expect(problems).toEqual([]);
  });

  it("draws overlapping, repeated and out-of-range spans robustly", async () => {
    const { page, problems } = await browser.open();
    const text = "🦷 cita mañana a las 10 con Dr. Pérez";
    const length = Array.from(text).length;
    // The contract allows spans to overlap and repeat; these also point outside the text, which is drawn
    // without them (they stay listed in the readings table).
    const spans = [
      { field: "date", start: 7, end: 13 },
      { field: "time", start: 10, end: 22 },
      { field: "date", start: 7, end: 13 },
      { field: "contact", start: 27, end: length },
      { field: "intent", start: 2, end: 6 },
      { field: "service", start: 30, end: length + 5 },
      { field: "location", start: 9, end: 9 },
    ].map((span) => ({ ...span, text: Array.from(text).slice(span.start, span.end).join("") }));
    const dropped = [
      { field: "time", start: 14, end: 22, text: "", reason: "corrected", detail: "replaced" },
    ];
    await page.route("**/v1/appointments/parse", async (route) => {
      const answer = await (await route.fetch()).json();
      await route.fulfill({ json: { ...answer, explanation: { spans, dropped, confidence: [] } } });
    });
    await page.goto(`${service.url}/`);
    await readInPlayground(page, { ...SPANISH, text });
    const drawn = await readHighlights(page, "data-spans");
    const inside = spans.flatMap((span, index) =>
      span.end <= length && span.start < span.end ? [index] : [],
    );
    expect(Object.keys(drawn).map(Number).sort()).toEqual(inside);
    for (const index of inside)
      expect(drawn[String(index)]).toEqual({ message: 0, text: spans[index]!.text });
    expect(await page.textContent("#highlight-slot .message-text")).toBe(text);
    expect(await readHighlights(page, "data-dropped")).toEqual({
      "0": { message: 0, text: Array.from(text).slice(14, 22).join("") },
    });
    expect(await page.locator("#highlight-slot table.readings tbody tr").count()).toBe(spans.length + 1);
    expect(await page.getAttribute("#highlight-slot .message s.dropped", "data-reason")).toContain(
      "corrected (replaced)",
    );
    expect(problems).toEqual([]);
  });

  it("says a share link it cannot read", async () => {
    const { page, problems } = await browser.open();
    await page.goto(`${service.url}/#request=bm90IGpzb24`);
    await expect.poll(() => page.textContent("#problem-message")).toContain("not base64url of JSON");
    expect(problems).toEqual([]);
  });

  it("shows an error answer in the contract's shape", async () => {
    const { page, problems } = await browser.open();
    await page.goto(`${service.url}/`);
    await readInPlayground(page, { ...SPANISH, timezone: "Mars/Olympus_Mons" });
    expect(await page.getAttribute("#status", "data-state")).toBe("failed");
    const message = await page.textContent("#problem-message");
    expect(message).toMatch(/^The service answered 400 invalid_request: .*timezone/);
    expect(await page.isHidden("#answer")).toBe(true);
    expect(problems).toEqual([expect.stringMatching(/status of 400/)]);
  });

  it("puts its words in Spanish and English, following the switch", async () => {
    const { page, problems } = await browser.open();
    await page.goto(`${service.url}/`);
    await page.selectOption("#page-language", "es");
    expect(await page.textContent("h1")).toBe(WORDS.es["title.playground"]);
    expect(await page.getAttribute("html", "lang")).toBe("es");
    await readInPlayground(page, SPANISH);
    expect(await page.textContent("#card dt")).toBe(WORDS.es["field.status"]);
    await page.selectOption("#page-language", "en");
    expect(await page.textContent("#card dt")).toBe(WORDS.en["field.status"]);
    // The choice is kept for the next page of this browser.
    await page.reload();
    expect(await page.textContent("h1")).toBe(WORDS.en["title.playground"]);
    expect(problems).toEqual([]);
  });

  it("works from the keyboard alone: tab to the message, type, Enter", async () => {
    const { page, problems } = await browser.open();
    await page.goto(`${service.url}/`);
    for (let presses = 0; presses < 20; presses++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(ACTIVE_ID)) === "message-text") break;
    }
    expect(await page.evaluate(ACTIVE_ID)).toBe("message-text");
    const outline = await page.evaluate("getComputedStyle(document.activeElement).outlineStyle");
    expect(outline).not.toBe("none");
    await page.keyboard.type(SPANISH.text!);
    await page.fill("#now", SPANISH.now);
    await page.fill("#timezone", SPANISH.timezone);
    await page.focus("#message-text");
    await pressAndWait(page, () => page.keyboard.press("Enter"));
    expect((await readCard(page)).date).not.toBe("—");
    expect(await page.getAttribute("#status", "aria-live")).toBe("polite");
    expect(problems).toEqual([]);
  });

  it.each(Object.entries({ ...VIEWPORTS, narrow: NARROW_PHONE }))(
    "fits a %s screen, with an answer (screenshot)",
    async (name, viewport) => {
      const { page, problems } = await browser.open(viewport);
      await page.goto(`${service.url}/`);
      await readInPlayground(page, PLAYGROUND_CASES[2]!.request);
      const overflow = await page.evaluate(OVERFLOW);
      expect(overflow).toBeLessThanOrEqual(0);
      if (name !== "narrow") await screenshot(page, `playground-${name}`);
      expect(problems).toEqual([]);
    },
  );
});

/** The request a share link carries (base64url of JSON after "#request="). */
function sharedRequest(link: string): unknown {
  return JSON.parse(Buffer.from(link.slice("#request=".length), "base64url").toString("utf8"));
}

/** The raw JSON the page shows, without its meta (each read has a request id of its own). */
async function rawAnswer(page: Page): Promise<unknown> {
  const { meta: _meta, ...answer } = JSON.parse((await page.textContent("#raw")) ?? "{}");
  return answer;
}
