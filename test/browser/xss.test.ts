// Nothing typed, shared or loaded runs as markup: script tags, event-handler attributes, an SVG onload and
// a javascript: link go through every field of the playground (the message, each turn of a conversation,
// the zone, the locale, the calendar, the share fragment) and of the golden page (a file's texts, turns,
// ids, tags, expected values and its name), against `node src/node.ts`. Each payload would set a window
// flag and open a dialog; neither may happen, no element of the payloads' tags or handler attributes may
// appear, and the only problems logged are the 4xx answers each step expects, asserted one by one.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { chromiumAvailable } from "../support/browser.js";
import { useBrowserOnNode } from "../support/browser-node.js";
import { ENTRY_TEST_TIMEOUT_MS, stopAll } from "../support/node-entry.js";
import {
  expectAnswered,
  PLAYGROUND_CASES,
  type PlaygroundRequest,
  pressAndWait,
  readInPlayground,
} from "../support/playground.js";

afterAll(stopAll);

const FLAG = "__citaInjected";
const PAYLOADS = [
  `<script>window.${FLAG}=1;alert(1)</script>`,
  `<img src=x onerror="window.${FLAG}=1;alert(1)">`,
  `"><svg onload="window.${FLAG}=1;alert(1)">`,
  `<a href="javascript:window.${FLAG}=1;alert(1)">el lunes</a>`,
  `<div onmouseover="window.${FLAG}=1" tabindex=0 autofocus onfocus="window.${FLAG}=1;alert(1)">x</div>`,
  `' onfocus='window.${FLAG}=1' autofocus='`,
];
const MARKUP = PAYLOADS.join(" ");
/** Appointment words around the payloads, so the answer reads fields (and spans) next to them. */
const TEXT = `cita mañana 10am con Dr. Pérez ${MARKUP} en la clínica ${PAYLOADS[1]}`;
const BASE = PLAYGROUND_CASES[0]!.request;
/** What would show an injection: elements of the payloads' tags, handler attributes, javascript: links. */
const INJECTED =
  "img, svg, iframe, object, embed, [onerror], [onload], [onmouseover], [onfocus], a[href^='javascript:' i]";
/** Sets the page's fragment, as following a link would (a string evaluated in the page: no DOM library here). */
async function goTo(page: Page, fragment: string): Promise<void> {
  await page.evaluate(`location.hash = ${JSON.stringify(fragment)}`);
}

const BAD_REQUEST = /^console error: Failed to load resource: the server responded with a status of 400/;
const NOT_FOUND = /^console error: Failed to load resource: the server responded with a status of 404/;

describe.runIf(chromiumAvailable())("markup through every field", { timeout: ENTRY_TEST_TIMEOUT_MS }, () => {
  const { browser, service } = useBrowserOnNode();

  /** A page that records dialogs, and the count of its own script elements before any input. */
  async function open(path: string) {
    const watched = await browser.open();
    const dialogs: string[] = [];
    watched.page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await watched.page.goto(`${service.url}${path}`);
    const scripts = await watched.page.locator("script").count();
    return { ...watched, dialogs, scripts };
  }

  /** Focuses and hovers over everything the page drew, then checks nothing ran and nothing was injected. */
  async function expectNothingRan(page: Page, dialogs: string[], scripts: number) {
    for (let presses = 0; presses < 40; presses++) await page.keyboard.press("Tab");
    for (const piece of await page.locator("main mark, main s, main td, main li").all()) {
      await piece.hover({ force: true, timeout: 2_000 }).catch(() => {});
    }
    expect(await page.evaluate(`window.${FLAG}`)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator(INJECTED).count()).toBe(0);
    expect(await page.locator("script").count()).toBe(scripts);
  }

  it("in the message, shown as the text it is", async () => {
    const { page, problems, dialogs, scripts } = await open("/");
    await readInPlayground(page, { ...BASE, text: TEXT });
    await expectAnswered(page);
    const raw = JSON.parse((await page.textContent("#raw")) ?? "{}");
    expect(raw.appointment.date).not.toBeNull();
    // The words are on the page as words: the highlighted text is the message, character for character.
    expect(await page.textContent("#highlight-slot .message-text")).toBe(TEXT);
    await page.selectOption("#page-language", "es");
    await page.selectOption("#page-language", "en");
    await expectNothingRan(page, dialogs, scripts);
    expect(problems).toEqual([]);
  });

  it("in each turn of a conversation", async () => {
    const { page, problems, dialogs, scripts } = await open("/");
    const messages: PlaygroundRequest["messages"] = [
      { role: "user", content: `quiero cita ${MARKUP}` },
      { role: "assistant", content: `¿Qué día? ${MARKUP}` },
      { role: "user", content: TEXT },
    ];
    await readInPlayground(page, { ...BASE, messages });
    await expectAnswered(page);
    expect(await page.locator("#highlight-slot .message-text").allTextContents()).toEqual(
      messages.map((message) => message.content),
    );
    await expectNothingRan(page, dialogs, scripts);
    expect(problems).toEqual([]);
  });

  it.each([
    ["the zone", { timezone: MARKUP }, BAD_REQUEST],
    [
      "the calendar",
      { calendarId: MARKUP },
      /^console error: Failed to load resource: the server responded with a status of 4\d\d/,
    ],
    ["the reference time", { now: MARKUP }, BAD_REQUEST],
  ])("in %s, refused by the service and its answer shown as text", async (_name, change, logged) => {
    const { page, problems, dialogs, scripts } = await open("/");
    await readInPlayground(page, { ...BASE, ...change });
    expect(await page.getAttribute("#status", "data-state")).toBe("failed");
    expect(await page.textContent("#problem-message")).toMatch(/^The service answered 4\d\d /);
    await expectNothingRan(page, dialogs, scripts);
    expect(problems).toEqual([expect.stringMatching(logged)]);
  });

  it("in a share link: every field, the locale and mode among them, and a fragment that is not one", async () => {
    const { page, problems, dialogs, scripts } = await open("/");
    const shared = {
      text: TEXT,
      locale: MARKUP,
      timezone: BASE.timezone,
      now: BASE.now,
      mode: MARKUP,
      calendarId: MARKUP,
    };
    const fragment = `#request=${Buffer.from(JSON.stringify(shared)).toString("base64url")}`;
    await pressAndWait(page, () => goTo(page, fragment));
    expect(await page.inputValue("#message-text")).toBe(TEXT);
    expect(await page.inputValue("#locale")).toBe(MARKUP);
    expect(await page.inputValue("#calendar-id")).toBe(MARKUP);
    expect(await page.getAttribute("#status", "data-state")).toBe("failed");
    await goTo(page, `#request=${encodeURIComponent(MARKUP)}`);
    await expect
      .poll(() => page.textContent("#problem-message"))
      .toMatch(/^The share link could not be read/);
    await goTo(page, `#${MARKUP}`);
    await expectNothingRan(page, dialogs, scripts);
    expect(problems).toEqual([expect.stringMatching(BAD_REQUEST)]);
  });

  it("in a golden file: texts, turns, ids, tags, expected values, a bad line and the file's name", async () => {
    const { page, problems, dialogs, scripts } = await open("/golden");
    const lines = [
      {
        id: MARKUP,
        text: TEXT,
        timezone: BASE.timezone,
        now: BASE.now,
        expect: { contact: MARKUP, service: MARKUP },
        tags: [MARKUP, "xss"],
      },
      {
        id: `turns ${PAYLOADS[1]}`,
        messages: [
          { role: "user", content: `cita ${MARKUP}` },
          { role: "assistant", content: MARKUP },
          { role: "user", content: TEXT },
        ],
        timezone: BASE.timezone,
        now: BASE.now,
        expect: { location: MARKUP, date: MARKUP },
        tags: [PAYLOADS[2]],
      },
      {
        id: `zone ${PAYLOADS[0]}`,
        text: TEXT,
        timezone: MARKUP,
        expect: { time: "10:00" },
        tags: [PAYLOADS[3]],
      },
    ].map((line) => JSON.stringify(line));
    lines.push(`{"id": "${PAYLOADS[1]}", ${MARKUP}`);
    await page.setInputFiles("#golden-file", {
      name: `${PAYLOADS[1]}.jsonl`,
      mimeType: "text/plain",
      buffer: Buffer.from(lines.join("\n")),
    });
    await page.click("#golden-run");
    await page.waitForSelector("#exact-match");
    expect(await page.textContent("#exact-match")).toMatch(/^Exact match: 0\/3 cases/);
    expect(await page.locator("#per-tag tbody th").allTextContents()).toEqual(
      [PAYLOADS[2], PAYLOADS[3], MARKUP, "xss"].sort(),
    );
    expect(await page.locator("#failures [data-case]").count()).toBe(3);
    expect(await page.textContent("#problems li")).toContain(`${PAYLOADS[1]}.jsonl:4: invalid JSON`);
    await expectNothingRan(page, dialogs, scripts);
    expect(problems).toEqual([expect.stringMatching(BAD_REQUEST)]);
  });
});

// The 404 pattern is kept for a calendar the service does not know (the calendar case's answer above may be either).
void NOT_FOUND;
