// Property: whatever text, locale, zone and reference instant a client sends, POST /v1/appointments/parse
// answers 200 in the ParseResponse shape, or 400 only when the trimmed text is empty or over 2000 characters
// or holds a lone surrogate (not well-formed Unicode, docs/security/hygiene.md).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { readConfig } from "../src/config.js";
import { isWellFormed } from "../src/http/schemas/clean-text.js";
import { ErrorResponseSchema } from "../src/http/schemas/errors.js";
import { MAX_TEXT_LENGTH } from "../src/http/schemas/fields.js";
import { expectAnswerHolds, LOCALES, nowArbitrary, TOKENS, ZONES } from "./support/arbitrary-requests.js";

const SEED = 20260122;
const app = createApp({ config: readConfig({}) });

const hour = fc.integer({ min: 0, max: 30 });
const minute = fc.integer({ min: 0, max: 75 }).map((value) => String(value).padStart(2, "0"));

/** Realistic requests assembled from parts, so the resolving and validating paths run often. */
const phraseArbitrary = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("", "hola, ", "quiero una ", "necesito un ", "agendame ", "¿me das "),
      fc.constantFrom("cita ", "turno ", "hora ", "reunión ", ""),
      fc.constantFrom(
        "",
        "con el Dr. Pérez ",
        "con la dentista ",
        "para corte de pelo ",
        "en la clínica de Polanco ",
      ),
      fc.constantFrom(
        "hoy ",
        "mañana ",
        "pasado mañana ",
        "el lunes ",
        "el viernes 13 ",
        "el 3 de marzo ",
        "el 29/02 ",
        "el 31/4 ",
        "la semana que viene ",
        "el próximo martes ",
        "dentro de 3 días ",
        "",
      ),
      fc.oneof(
        hour.map((value) => `a las ${value}`),
        fc.tuple(hour, minute).map(([h, m]) => `a las ${h}:${m}`),
        hour.map((value) => `a las ${value} de la tarde`),
        hour.map((value) => `a las ${value} y media`),
        hour.map((value) => `a las ${value} menos cuarto`),
        hour.map((value) => `tipo ${value} hs`),
        fc.constant("al mediodía"),
        fc.constant("por la mañana"),
        fc.constant(""),
      ),
      fc.constantFrom("", " por 45 minutos", " 1h30", "?", " porfa"),
    )
    .map((parts) => parts.join("")),
  fc
    .tuple(
      fc.constantFrom("", "hi, ", "I need an ", "can I book an ", "schedule a "),
      fc.constantFrom("appointment ", "meeting ", "haircut ", ""),
      fc.constantFrom("", "with Dr. Smith ", "with the dentist ", "at the Brooklyn clinic "),
      fc.constantFrom(
        "today ",
        "tomorrow ",
        "on Monday ",
        "next Friday ",
        "on January 3rd ",
        "on 2/29 ",
        "on 4/31 ",
        "in 3 days ",
        "next week ",
        "",
      ),
      fc.oneof(
        hour.map((value) => `at ${value}`),
        fc.tuple(hour, minute).map(([h, m]) => `at ${h}:${m}`),
        hour.map((value) => `at ${value}pm`),
        hour.map((value) => `at ${value} am`),
        hour.map((value) => `at half past ${value}`),
        hour.map((value) => `at quarter to ${value}`),
        fc.constant("at noon"),
        fc.constant("in the afternoon"),
        fc.constant(""),
      ),
      fc.constantFrom("", " for 45 minutes", " for 1h30", "?", " please"),
    )
    .map((parts) => parts.join("")),
);

const textArbitrary = fc.oneof(
  { arbitrary: phraseArbitrary, weight: 4 },
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme-composite", maxLength: 100 }),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((tokens) => tokens.join("")),
  // Long repetitions, where a super-linear pattern would show.
  fc
    .tuple(
      fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 1, max: 2000 }),
    )
    .map(([tokens, length]) => tokens.join("").repeat(length).slice(0, length)),
  // Up to and just past the length limit, with white space around.
  fc
    .tuple(
      fc.constantFrom(...TOKENS),
      fc.integer({ min: MAX_TEXT_LENGTH - 5, max: MAX_TEXT_LENGTH + 5 }),
      fc.constantFrom("", " ", "\n\t "),
    )
    .map(([token, length, pad]) => `${pad}${token.repeat(length).slice(0, length)}${pad}`),
);

const requestArbitrary = fc.record(
  {
    text: textArbitrary,
    locale: fc.constantFrom(...LOCALES),
    timezone: fc.constantFrom(...ZONES),
    now: nowArbitrary,
    mode: fc.constantFrom(undefined, "auto", "rules"),
  },
  { noNullPrototype: true },
);

async function answerHoldsContract(request: Record<string, unknown>): Promise<void> {
  const body = Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined));
  const response = await app.request("/v1/appointments/parse", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json();
  // The limit counts characters (code points), not UTF-16 units: docs/interpretation.md.
  const trimmed = [...(request.text as string).trim()].length;
  if (trimmed === 0 || trimmed > MAX_TEXT_LENGTH || !isWellFormed(request.text as string)) {
    expect(response.status, JSON.stringify(json)).toBe(400);
    expect(ErrorResponseSchema.parse(json).error.code).toBe("invalid_request");
    return;
  }
  expect(response.status, JSON.stringify(json)).toBe(200);
  expectAnswerHolds(json, request);
}

describe("POST /v1/appointments/parse on arbitrary input", () => {
  it("answers 200 in the ParseResponse shape (400 only for empty, over-long or ill-formed text)", async () => {
    await fc.assert(fc.asyncProperty(requestArbitrary, answerHoldsContract), { seed: SEED, numRuns: 340 });
  }, 120_000);

  it("handles every adversarial token repeated to 2000 characters, in both languages", async () => {
    for (const token of TOKENS) {
      for (const locale of ["es", "en"]) {
        const text = token.repeat(Math.ceil(MAX_TEXT_LENGTH / token.length)).slice(0, MAX_TEXT_LENGTH);
        await answerHoldsContract({
          text,
          locale,
          timezone: "Europe/Madrid",
          now: "2026-03-28T23:30:00+01:00",
        });
      }
    }
  }, 120_000);
});
