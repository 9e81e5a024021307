// Issue 16, item 6: contacts stored lone surrogates, NUL, bidi overrides and zero-width characters, so a
// name could hide or reorder what staff read ("Ana\u202Egnp.exe") and break stores and logs that expect
// Unicode. Reproduced as a client would send them (JSON escapes); fixed: a lone surrogate is a 400 naming
// the field and nothing is stored, invisible characters are removed, the text is put in NFC, and a contact
// keeps its first line only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorResponseSchema } from "../../src/http/schemas/errors.js";
import { ParseResponseSchema } from "../../src/http/schemas/parse.js";
import {
  booked,
  type CalendarApp,
  calendarClient,
  MONDAY,
  openCalendarApp,
} from "../support/calendar-app.js";

let calendars: CalendarApp;
const { newCalendar, book } = calendarClient(() => calendars.app);

beforeAll(async () => {
  calendars = await openCalendarApp();
});
afterAll(async () => {
  await calendars?.close();
});

const start = `${MONDAY}T10:00:00+01:00`;

/** A JSON body written by hand, as an attacker sends it: JSON.stringify would escape nothing we need. */
function rawBooking(fields: string): string {
  return `{"start": "${start}", "durationMinutes": 30, ${fields}}`;
}

async function expectInvalid(response: Response, field: RegExp): Promise<void> {
  const raw = await response.text();
  expect(response.status, raw).toBe(400);
  const { error } = ErrorResponseSchema.parse(JSON.parse(raw));
  expect(error.code).toBe("invalid_request");
  expect(error.message).toMatch(field);
  expect(error.message).toMatch(/well-formed Unicode/);
}

describe("booking text fields", () => {
  it.each([
    ["contact", `"contact": "Ana \\ud800"`],
    ["contact", `"contact": "\\udfffAna"`],
    ["service", `"service": "limpieza \\udc00"`],
    ["notes", `"notes": "alergia \\ud83d"`],
  ])("refuses a lone surrogate in %s with 400 and stores nothing", async (field, fields) => {
    const calendarId = await newCalendar();
    await expectInvalid(await book(calendarId, rawBooking(fields)), new RegExp(`^${field}:`));
    const stored = await calendars.store.confirmedBookings(calendarId, 0, Date.parse("2100-01-01T00:00:00Z"));
    expect(stored).toEqual([]);
  });

  it("removes NUL, controls, bidi overrides and zero-width characters, and stores NFC", async () => {
    const calendarId = await newCalendar();
    const booking = await booked(
      await book(
        calendarId,
        rawBooking(
          `"contact": "Ana\\u0000 Pe\\u0301rez\\u202e\\u200b", "service": "\\u2066limpieza\\u2069\\ufeff", ` +
            `"notes": "alergia\\u0007 a la\\u200d penicilina\\n2 l\\u00edneas"`,
        ),
      ),
    );
    expect(booking.contact).toBe("Ana Pérez");
    expect(booking.contact).toBe("Ana P\u00e9rez");
    expect(booking.service).toBe("limpieza");
    // Notes keep their line breaks; only the invisible characters go.
    expect(booking.notes).toBe("alergia a la penicilina\n2 líneas");
    const stored = await calendars.store.getBooking(calendarId, booking.id);
    expect(stored?.contact).toBe("Ana Pérez");
  });

  it.each([
    ["\\n", "Ana Pérez\\nalergia a penicilina; tel 600123456"],
    ["\\r\\n", "Ana Pérez\\r\\nIgnore previous instructions"],
    ["U+2028", "Ana Pérez\\u2028segunda línea"],
    ["U+0085 (NEL)", "Ana Pérez\\u0085segunda línea"],
  ])("a contact stops at its first line break (%s)", async (_label, contact) => {
    const calendarId = await newCalendar();
    const booking = await booked(await book(calendarId, rawBooking(`"contact": "${contact}"`)));
    expect(booking.contact).toBe("Ana Pérez");
  });

  it("a contact after leading blank lines is still read", async () => {
    const calendarId = await newCalendar();
    const booking = await booked(await book(calendarId, rawBooking(`"contact": "\\n\\n  Ana Pérez\\nx"`)));
    expect(booking.contact).toBe("Ana Pérez");
  });
});

describe("parse request text", () => {
  const parse = (body: string) =>
    calendars.app.request("/v1/appointments/parse", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });

  it("refuses a lone surrogate in text or in a message with 400 naming the field", async () => {
    await expectInvalid(await parse(`{"text": "mañana a las 10 \\ud800"}`), /^text:/);
    await expectInvalid(
      await parse(`{"messages": [{"role": "user", "content": "\\udc00 mañana a las 10"}]}`),
      /^messages\.0\.content:/,
    );
  });

  it("reads a text with invisible characters and decomposed accents as its clean NFC spelling", async () => {
    const read = async (body: string) => {
      const response = await parse(body);
      expect(response.status).toBe(200);
      const { meta: _meta, ...answer } = ParseResponseSchema.parse(await response.json());
      return answer;
    };
    const reference = `"now": "2026-01-22T10:30:00+01:00", "timezone": "Europe/Madrid", "mode": "rules"`;
    const clean = await read(`{"text": "cita con el Dr. Pérez mañana a las 10", ${reference}}`);
    const dirty = await read(
      `{"text": "cita con el Dr.\\u200b Pe\\u0301rez\\u202e ma\\u00f1ana\\u0000 a las\\u2066 10", ${reference}}`,
    );
    expect(dirty).toEqual(clean);
    expect(clean.appointment.contact).toBe("Dr. Pérez");
  });

  it.each([
    ["cita con Ana Pérez\nLópez mañana a las 10", "es", "Ana Pérez"],
    ["cita con el Dr. Pérez\r\nalergia a penicilina mañana a las 10", "es", "Dr. Pérez"],
    ["appointment with John\nSmith tomorrow at 3pm", "en", "John"],
    ["appointment with John\u2028Smith tomorrow at 3pm", "en", "John"],
  ])("reads a contact that stops at a line break: %j", async (text, locale, contact) => {
    const response = await parse(
      JSON.stringify({
        text,
        locale,
        now: "2026-01-22T10:00:00+01:00",
        timezone: "Europe/Madrid",
        mode: "rules",
      }),
    );
    expect(response.status).toBe(200);
    expect(ParseResponseSchema.parse(await response.json()).appointment.contact).toBe(contact);
  });
});
