// Driving the playground (GET /) in chromium, for the browser tests on Node and on workerd: fill the form as
// a person would (typing, adding turns, pressing Enter), and read back what the page shows (the card, the
// highlighted pieces, the raw JSON) to compare with the service's own answer for the same request, fetched
// by the test. What runs in the page is given as a string: this project's type-check has no DOM library.
import type { Page } from "playwright-core";
import { expect } from "vitest";

export interface PlaygroundRequest {
  text?: string;
  messages?: { role: "user" | "assistant"; content: string }[];
  locale?: string;
  timezone: string;
  now: string;
  mode?: "auto" | "rules" | "llm";
  calendarId?: string;
}

/** A Spanish and an English message and a three-turn conversation, read by rules at a pinned instant. */
export const PLAYGROUND_CASES: readonly { name: string; request: PlaygroundRequest }[] = [
  {
    name: "a Spanish message",
    request: {
      text: "cita mañana 10am con Dr. Pérez",
      timezone: "America/Mexico_City",
      now: "2026-01-22T10:30:00-06:00",
      mode: "rules",
    },
  },
  {
    name: "an English message",
    request: {
      text: "🦷 Can I book a dental cleaning with Dr. Smith next Tuesday at 3:30pm?",
      locale: "en",
      timezone: "America/New_York",
      now: "2026-03-05T09:00:00-05:00",
      mode: "rules",
    },
  },
  {
    name: "a three-turn conversation",
    request: {
      messages: [
        { role: "user", content: "hola, quiero una cita con la Dra. López" },
        { role: "assistant", content: "¡Claro! ¿Qué día y a qué hora?" },
        { role: "user", content: "el viernes a las 5 de la tarde, no, mejor a las 6" },
      ],
      locale: "es",
      timezone: "Europe/Madrid",
      now: "2026-02-09T09:15:00+01:00",
      mode: "rules",
    },
  },
];

/** Fills the form with `request` and presses Enter in the last text box; resolves once the read ended. */
export async function readInPlayground(page: Page, request: PlaygroundRequest): Promise<void> {
  if (request.messages !== undefined) {
    await page.check('input[name="input-kind"][value="messages"]');
    for (const [index, message] of request.messages.entries()) {
      const n = index + 1;
      if ((await page.locator(`#turn-${n}-content`).count()) === 0) await page.click("#add-turn");
      await page.selectOption(`#turn-${n}-role`, message.role);
      await page.fill(`#turn-${n}-content`, message.content);
    }
  } else {
    await page.check('input[name="input-kind"][value="text"]');
    await page.fill("#message-text", request.text ?? "");
  }
  await page.selectOption("#locale", request.locale ?? "");
  await page.fill("#timezone", request.timezone);
  await page.fill("#now", request.now);
  await page.selectOption("#mode", request.mode ?? "auto");
  await page.fill("#calendar-id", request.calendarId ?? "");
  const last = request.messages === undefined ? "#message-text" : `#turn-${request.messages.length}-content`;
  await pressAndWait(page, () => page.press(last, "Enter"));
}

/** Does `act` and waits until the page has ended one more read than before. */
export async function pressAndWait(page: Page, act: () => Promise<void>): Promise<void> {
  const before = Number((await page.getAttribute("#status", "data-reads")) ?? 0);
  await act();
  // A selector, not a function: the page's Content-Security-Policy refuses the eval a string function needs.
  await page.waitForSelector(`#status[data-reads="${before + 1}"]`, { state: "attached" });
}

/** The last read ended with an answer; else fails saying the error the page shows. */
export async function expectAnswered(page: Page): Promise<void> {
  const problem = await page.textContent("#problem");
  expect(await page.getAttribute("#status", "data-state"), `the page shows: ${problem}`).toBe("done");
}

/** The service's answer with `explain` for the request the form sends. */
export async function answerFor(baseUrl: string, request: PlaygroundRequest): Promise<Answer> {
  const response = await fetch(`${baseUrl}/v1/appointments/parse`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...request, explain: true }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

export interface Span {
  field: string;
  start: number;
  end: number;
  text: string;
  message?: number;
}

export interface Answer {
  status: string;
  intent: string;
  confidence: number;
  appointment: Record<string, unknown> & { location: { text: string } | null };
  previous: Record<string, string | null> | null;
  ambiguities: { field: string; issue: string; message: string }[];
  alternatives: { start: string; end: string }[];
  explanation: { spans: Span[]; dropped: (Span & { reason: string; detail: string })[] };
  meta: unknown;
}

/** The card's values by the answer field they show. */
export function readCard(page: Page): Promise<Record<string, string>> {
  return page.$$eval("#card dd[data-field]", (entries) =>
    Object.fromEntries(entries.map((entry) => [entry.getAttribute("data-field"), entry.textContent ?? ""])),
  );
}

/**
 * For each span of kind `marker` (data-spans for read spans, data-dropped for dropped ones), the text of
 * the pieces drawn for it, in order, in the message block it was drawn in: index → { message, text }.
 */
export function readHighlights(
  page: Page,
  marker: "data-spans" | "data-dropped",
  within = "#highlight-slot",
): Promise<Record<string, { message: number; text: string }>> {
  return page.$$eval(
    `${within} .message`,
    (blocks, attribute) => {
      const found: Record<string, { message: number; text: string }> = {};
      for (const block of blocks) {
        const message = Number(block.getAttribute("data-message"));
        for (const piece of block.querySelectorAll(`[${attribute}]`)) {
          for (const index of (piece.getAttribute(attribute) ?? "").split(" ")) {
            const entry = found[index] ?? { message, text: "" };
            // Two blocks for one span would show as a wrong message index.
            entry.message = entry.text === "" ? message : entry.message === message ? message : -1;
            entry.text += piece.textContent ?? "";
            found[index] = entry;
          }
        }
      }
      return found;
    },
    marker,
  );
}

/** What the card must show for an answer's value: the value as text, "—" for none. */
function cardText(value: unknown): string {
  return value === null || value === undefined || value === "" ? "—" : String(value);
}

/** Checks the page shows `answer`: the card, every span and dropped reading, and the raw JSON. */
export async function expectPageShows(page: Page, answer: Answer, request: PlaygroundRequest): Promise<void> {
  const card = await readCard(page);
  const { appointment } = answer;
  expect(card).toMatchObject({
    status: answer.status,
    intent: answer.intent,
    date: cardText(appointment.date),
    time: cardText(appointment.time),
    start: cardText(appointment.start),
    end: cardText(appointment.end),
    durationMinutes: cardText(appointment.durationMinutes),
    contact: cardText(appointment.contact),
    service: cardText(appointment.service),
    location: cardText(appointment.location?.text),
    confidence: cardText(answer.confidence),
  });
  const ambiguities = await page.$$eval("#card [data-ambiguity]", (items) =>
    items.map((item) => ({ key: item.getAttribute("data-ambiguity"), text: item.textContent ?? "" })),
  );
  expect(ambiguities.map((item) => item.key)).toEqual(answer.ambiguities.map((a) => `${a.field}/${a.issue}`));
  answer.ambiguities.forEach((ambiguity, index) => {
    expect(ambiguities[index]?.text).toContain(ambiguity.message);
  });
  const alternatives = await page.$$eval("#card [data-alternative]", (items) =>
    items.map((item) => item.getAttribute("data-alternative")),
  );
  expect(alternatives).toEqual(answer.alternatives.map((slot) => slot.start));

  await expectHighlights(page, answer, request.messages?.length ?? 1);
  const raw = JSON.parse((await page.textContent("#raw")) ?? "null") as Answer;
  expect({ ...raw, meta: null }).toEqual({ ...answer, meta: null });
}

/** Checks every span and dropped reading of `answer` is drawn, in its message, with its own words. */
export async function expectHighlights(
  page: Page,
  answer: Answer,
  messages: number,
  within = "#highlight-slot",
): Promise<void> {
  const blockOf = (span: Span) => (messages === 1 ? 0 : (span.message ?? messages - 1));
  const read = await readHighlights(page, "data-spans", within);
  expect(answer.explanation.spans.length).toBeGreaterThan(0);
  expect(Object.keys(read).length).toBe(answer.explanation.spans.length);
  answer.explanation.spans.forEach((span, index) => {
    expect(read[String(index)], `span ${index} (${span.field})`).toEqual({
      message: blockOf(span),
      text: span.text,
    });
  });
  const dropped = await readHighlights(page, "data-dropped", within);
  expect(Object.keys(dropped).length).toBe(answer.explanation.dropped.length);
  answer.explanation.dropped.forEach((span, index) => {
    expect(dropped[String(index)], `dropped ${index} (${span.field})`).toEqual({
      message: blockOf(span),
      text: span.text,
    });
  });
}
