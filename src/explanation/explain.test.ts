// `"explain": true` on POST /v1/appointments/parse, in process: the spans each field was read from (offsets
// in code points of the text as sent, a conversation's message index), each reason a reading is set aside,
// and an answer without `explain` that has no `explanation` at all.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectError } from "../../test/support/answers.js";
import { documentedRequests } from "../../test/support/documented-requests.js";
import { expectParsed, loggedApp, NOW, post, ZONE } from "../../test/support/parse-requests.js";
import type { ParseResponse } from "../http/schemas/parse.js";

const { app } = loggedApp();

async function explained(body: Record<string, unknown>): Promise<NonNullable<ParseResponse["explanation"]>> {
  const answer = await expectParsed(await post(app, { timezone: ZONE, now: NOW, explain: true, ...body }));
  expect(answer.explanation).toBeDefined();
  return answer.explanation!;
}

/** The span of `words` in `text` as the contract counts it: code points, found in the text as sent. */
function at(text: string, words: string, from = 0) {
  const index = text.indexOf(words, from);
  expect(index, `"${words}" in "${text}"`).toBeGreaterThanOrEqual(0);
  const start = [...text.slice(0, index)].length;
  return { start, end: start + [...words].length, text: words };
}

describe("explain: spans of a single text", () => {
  it("reads a Spanish message's fields from their own words", async () => {
    const text = "Quiero una cita con el Dr. Pérez mañana a las 10";
    const { spans } = await explained({ text });
    expect(spans).toEqual(
      expect.arrayContaining([
        { field: "intent", ...at(text, "Quiero una cita") },
        { field: "contact", ...at(text, "Dr. Pérez") },
        { field: "date", ...at(text, "mañana") },
        { field: "time", ...at(text, "a las 10") },
      ]),
    );
    expect(spans).toHaveLength(4);
  });

  it("reads an English message's service, contact, duration, date and time", async () => {
    const text = "Book a haircut with Dr. Smith tomorrow at 3pm for 45 minutes";
    const { spans } = await explained({ text });
    expect(spans).toEqual([
      { field: "intent", ...at(text, "Book") },
      { field: "contact", ...at(text, "Dr. Smith") },
      { field: "service", ...at(text, "haircut") },
      { field: "durationMinutes", ...at(text, "for 45 minutes") },
      { field: "date", ...at(text, "tomorrow") },
      { field: "time", ...at(text, "at 3pm") },
    ]);
  });

  it("gives the user's own writing for lower case, no accents and typos", async () => {
    const text = "kiero una sita manana a las 5 con dr perez";
    const { spans } = await explained({ text });
    expect(spans).toEqual(
      expect.arrayContaining([
        { field: "contact", ...at(text, "dr perez") },
        { field: "date", ...at(text, "manana") },
        { field: "time", ...at(text, "a las 5") },
      ]),
    );
  });

  it("counts code points: an emoji before the span counts one, as does an accented letter", async () => {
    // "🙂" is two UTF-16 units: offsets in units would be one more from here on.
    const { spans } = await explained({ text: "🙂 cita mañana a las 10" });
    expect(spans).toContainEqual({ field: "date", start: 7, end: 13, text: "mañana" });
    expect(spans).toContainEqual({ field: "time", start: 14, end: 22, text: "a las 10" });
  });

  it("counts in the text as sent: leading spaces, a decomposed accent and invisible characters the edge removed", async () => {
    // The edge trims, puts "e" + U+0301 in NFC and removes the zero-width joiner of "👩‍⚕️" and the
    // zero-width space inside "mañana"; the offsets still count the characters the client sent.
    const text = "   👩\u200d⚕\ufe0f cita con el Dr. Pe\u0301rez ma\u200bñana a las 10";
    const { spans } = await explained({ text });
    expect(spans).toContainEqual({ field: "contact", ...at(text, "Dr. Pe\u0301rez") });
    expect(spans).toContainEqual({ field: "date", ...at(text, "ma\u200bñana") });
    expect(spans).toContainEqual({ field: "intent", start: 8, end: 12, text: "cita" });
  });

  it("gives a reschedule's old slot as previous.date and previous.time", async () => {
    const text = "cambiar mi cita del lunes a las 3 al jueves a las 5";
    const { spans } = await explained({ text });
    expect(spans).toEqual(
      expect.arrayContaining([
        { field: "intent", ...at(text, "cambiar mi cita") },
        { field: "previous.date", ...at(text, "lunes") },
        { field: "previous.time", ...at(text, "a las 3") },
        { field: "date", ...at(text, "jueves") },
        { field: "time", ...at(text, "a las 5") },
      ]),
    );
  });

  it("gives a cancel's appointment as previous.* and no date or time of a new slot", async () => {
    const text = "cancelá mi turno del viernes a las 10";
    const { spans } = await explained({ text });
    const fields = spans.map((span) => span.field);
    expect(fields).not.toContain("date");
    expect(fields).not.toContain("time");
    expect(spans).toContainEqual({ field: "previous.date", ...at(text, "viernes") });
    expect(spans).toContainEqual({ field: "previous.time", ...at(text, "a las 10") });
  });

  it("gives the user's alternatives as alternatives", async () => {
    const text = "cita el lunes o el martes a las 5";
    const { spans } = await explained({ text });
    expect(spans.filter((span) => span.field === "alternatives")).toEqual(
      expect.arrayContaining([
        { field: "alternatives", ...at(text, "el lunes") },
        { field: "alternatives", ...at(text, "el martes") },
        { field: "alternatives", ...at(text, "a las 5") },
      ]),
    );
  });
});

describe("explain: readings set aside", () => {
  it("corrected: a value the user took back for a later one", async () => {
    const text = "cita mañana a las 10, no, mejor a las 11";
    const { spans, dropped } = await explained({ text });
    expect(dropped).toEqual([
      { field: "time", ...at(text, "a las 10"), reason: "corrected", detail: expect.any(String) },
    ]);
    expect(spans).toContainEqual({ field: "time", ...at(text, "a las 11") });
  });

  it("negated: a value refused where it stands", async () => {
    const text = "no puedo el lunes, el martes sí, a las 4";
    const { dropped } = await explained({ text });
    expect(dropped).toEqual([
      { field: "date", ...at(text, "el lunes"), reason: "negated", detail: expect.any(String) },
    ]);
  });

  it.each([
    ["an address", "turno en Calle 10 el jueves a las 5", "Calle 10"],
    ["a phone number", "cita el viernes a las 9, llamar al 408-739-6520", "408-739-6520"],
    ["a price", "haircut friday at 4, $35", "$35"],
    ["a count of people", "table for 4 people on friday at 8pm", "4 people"],
  ])("not_a_time: %s", async (_kind, text, words) => {
    const { dropped } = await explained({ text });
    expect(dropped).toContainEqual({
      field: "time",
      ...at(text, words),
      reason: "not_a_time",
      detail: expect.any(String),
    });
  });

  it("name_word: a weekday inside a name", async () => {
    const text = "cita con el Dr. Domingo Salas el sábado a las 10";
    const { spans, dropped } = await explained({ text });
    expect(dropped).toEqual([
      { field: "date", ...at(text, "Domingo"), reason: "name_word", detail: expect.any(String) },
    ]);
    expect(spans).toContainEqual({ field: "date", ...at(text, "el sábado") });
  });

  it("nothing set aside in a plain request", async () => {
    expect((await explained({ text: "cita mañana a las 10" })).dropped).toEqual([]);
  });
});

describe("explain: a conversation", () => {
  const messages = [
    { role: "user", content: "Hola, quiero un turno para corte de pelo el jueves" },
    { role: "assistant", content: "Tengo el jueves a las 10 o a las 12" },
    { role: "user", content: "no, ninguna. 🙏 mejor el viernes a las 4" },
  ];

  it("gives each span the index of the message it was read from", async () => {
    const { spans } = await explained({ messages });
    const [first, , last] = messages.map((message) => message.content);
    expect(spans).toEqual([
      { field: "intent", ...at(first!, "quiero un turno"), message: 0 },
      { field: "service", ...at(first!, "corte de pelo"), message: 0 },
      { field: "date", ...at(last!, "el viernes"), message: 2 },
      { field: "time", ...at(last!, "a las 4"), message: 2 },
    ]);
  });

  it("rejected_offer and superseded: the refused offer and the day a later message replaced", async () => {
    const { dropped } = await explained({ messages });
    const [first, offer] = messages.map((message) => message.content);
    const reasons = dropped.map(({ detail: _detail, ...rest }) => rest);
    // In the order they were said.
    expect(reasons).toEqual([
      { field: "date", ...at(first!, "el jueves"), message: 0, reason: "superseded" },
      { field: "date", ...at(offer!, "el jueves"), message: 1, reason: "rejected_offer" },
      { field: "time", ...at(offer!, "a las 10"), message: 1, reason: "rejected_offer" },
      { field: "time", ...at(offer!, "a las 12"), message: 1, reason: "rejected_offer" },
    ]);
  });

  it("reads a day said again from the latest message that says it, and sets aside no day for it", async () => {
    const repeated = [
      { role: "user", content: "el jueves a las 10 con Ana" },
      { role: "assistant", content: "¿Confirmo?" },
      { role: "user", content: "el jueves a las 11 mejor" },
    ];
    const { spans, dropped } = await explained({ messages: repeated });
    expect(spans).toContainEqual({ field: "date", ...at(repeated[2]!.content, "el jueves"), message: 2 });
    expect(spans).toContainEqual({ field: "contact", ...at(repeated[0]!.content, "Ana"), message: 0 });
    expect(dropped.map(({ field, message, reason }) => ({ field, message, reason }))).toEqual([
      { field: "time", message: 0, reason: "superseded" },
    ]);
  });

  it("takes an accepted offer's values from the assistant's message", async () => {
    const accepted = [
      { role: "user", content: "Book a dentist appointment on Friday" },
      { role: "assistant", content: "Friday at 3pm works, shall I book it?" },
      { role: "user", content: "yes please" },
    ];
    const { spans } = await explained({ messages: accepted });
    expect(spans).toContainEqual({ field: "time", ...at(accepted[1]!.content, "at 3pm"), message: 1 });
  });
});

describe("explain: asked for, or not", () => {
  it.each([
    ["without explain", {}],
    ["with explain false", { explain: false }],
  ])("answers %s with no explanation key at all", async (_label, extra) => {
    const raw = await (
      await post(app, { text: "cita mañana a las 10", timezone: ZONE, now: NOW, ...extra })
    ).text();
    expect(JSON.parse(raw)).not.toHaveProperty("explanation");
  });

  it("refuses an explain that is not a boolean with 400 naming it", async () => {
    const body = { text: "cita mañana a las 10", timezone: ZONE, explain: "yes" };
    const error = await expectError(await post(app, body), 400, "invalid_request");
    expect(error.message).toMatch(/\bexplain\b/);
  });

  it("ends the confidence steps at the answer's confidence, with each signal's value and weight", async () => {
    const answer = await expectParsed(
      await post(app, { text: "cita mañana a las 10", timezone: ZONE, now: NOW, explain: true }),
    );
    const steps = answer.explanation!.confidence;
    expect(steps.map((step) => step.step)).toEqual(["rules", "rules_maximum", "rounding"]);
    expect(steps.at(-1)!.value).toBe(answer.confidence);
    expect(steps[0]!.signals).toContainEqual({ name: "complete", value: 1, weight: expect.any(Number) });
  });

  it("explains a text with no appointment by one step at 0", async () => {
    const { spans, confidence } = await explained({ text: "hola, ¿qué tal?" });
    expect(spans).toEqual([]);
    expect(confidence).toEqual([{ step: "no_appointment", value: 0, detail: expect.any(String) }]);
  });
});

describe("explain: the README's example", () => {
  it("shows what the service answers", async () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const example = documentedRequests(readme).find((request) => request.request.body?.includes('"explain"'));
    expect(example).toBeDefined();
    // The first JSON block after the command is the excerpt.
    const shown = readme.slice(readme.indexOf("```json", readme.indexOf('"explain": true}')));
    const excerpt = JSON.parse(shown.slice("```json".length, shown.indexOf("```", 7))) as ParseResponse;
    const answer = await expectParsed(await post(app, JSON.parse(example!.request.body!)));
    expect(answer.confidence).toBe(excerpt.confidence);
    expect(answer.explanation!.spans).toEqual(excerpt.explanation!.spans);
    expect(answer.explanation!.dropped).toEqual(excerpt.explanation!.dropped);
    const steps = answer.explanation!.confidence.map(({ signals: _signals, ...step }) => step);
    expect(steps).toEqual(excerpt.explanation!.confidence.map(({ signals: _signals, ...step }) => step));
  });
});
