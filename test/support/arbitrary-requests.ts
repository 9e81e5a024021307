// What the property tests of POST /v1/appointments/parse share: arbitraries for a request's locale, zone
// and reference instant, pieces of text that parsers react to or that break naive text handling, and the
// invariants every 200 answer keeps, whatever was asked.
import fc from "fast-check";
import { DateTime } from "luxon";
import { expect } from "vitest";
import { type ParseResponse, ParseResponseSchema } from "../../src/http/schemas/parse.js";
import { LANGUAGES, localize } from "../../src/locales/index.js";

/** What the coordinator adds when an agent throws (src/coordinator/coordinator.ts), in every language. */
const AGENT_FAILED = new Set(LANGUAGES.map((language) => localize(language, "agentFailed")));

export const LOCALES = [undefined, "es", "es-MX", "es-ES", "es-AR", "en", "en-US", "en-GB"] as const;
export const ZONES = [
  undefined,
  "UTC",
  "Europe/Madrid",
  "Europe/London",
  "America/Mexico_City",
  "America/Los_Angeles",
  "America/Santiago",
  "America/Argentina/Buenos_Aires",
  // Local mean time in seconds until 1920 (+05:41:16): offsets still come out in whole minutes.
  "Asia/Kathmandu",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "Pacific/Chatham",
  "Pacific/Kiritimati",
] as const;

/** Pieces that parsers react to, and pieces that break naive text handling. */
export const TOKENS = [
  // Numbers that look like years, in and out of the years an appointment can be in.
  "av. 9 de julio 1500 ",
  "de 1910 ",
  "9999 ",
  "de 2400 ",
  "in 300 years ",
  "a las ",
  "de ",
  "de la ",
  ":",
  "1",
  "10",
  "12",
  "00",
  "30",
  " ",
  "  ",
  "mañana ",
  "pasado mañana ",
  "tomorrow ",
  "at ",
  "pm",
  "am",
  "hs",
  "h",
  "y media ",
  "menos cuarto ",
  "half past ",
  "quarter to ",
  "el lunes ",
  "next monday ",
  "la semana que viene ",
  "in 2 hours ",
  "dentro de 30 minutos ",
  "el 3 de enero ",
  "1/23/2027 ",
  "23.01.",
  "2026-01-23",
  "mediodía ",
  "noon ",
  "de la tarde ",
  "in the morning ",
  "con el Dr. ",
  "with Dr. ",
  "w/ ",
  "en la clínica de ",
  "at the ",
  "cita ",
  "appointment ",
  "turno ",
  "for 1h30 ",
  "por 45 min ",
  "😀",
  "👨‍👩‍👧‍👦",
  "🇲🇽",
  "\u202e",
  "\u200f",
  "\u200b",
  "\u2060",
  "\ufeff",
  "\u00ad",
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\u007f",
  "\n",
  "\t",
  "\r\n",
  "\u00a0",
  "\u3000",
  "\ud83d",
  "\udc00",
  "مرحبا ",
  "שלום ",
  "٣",
  "١٠:٣٠",
  "ＡＢＣ１２",
  "ß",
  "İ",
  "ǅ",
  "e\u0301",
  ".",
  ",",
  "-",
  "/",
  "?",
  "¿",
  "¡",
] as const;

/** Noon on the eve of a daylight-saving change in one of ZONES, so "mañana a las 2:30" lands on it. */
const DST_EVES = [
  "2026-03-28T12:00:00+01:00",
  "2026-10-24T12:00:00+02:00",
  "2026-03-28T12:00:00Z",
  "2026-10-24T12:00:00+01:00",
  "2026-03-07T12:00:00-08:00",
  "2026-10-31T12:00:00-07:00",
  "2026-04-04T12:00:00+11:00",
  "2026-10-03T12:00:00+10:00",
  "2026-09-05T12:00:00-04:00",
  "2026-04-03T12:00:00-03:00",
];

export const nowArbitrary = fc.option(
  fc.oneof(
    fc
      .tuple(
        fc.date({
          min: new Date("1990-01-01T00:00:00Z"),
          max: new Date("2090-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom("UTC", "Europe/Madrid", "America/Santiago", "Asia/Kathmandu", "Pacific/Chatham"),
      )
      .map(([date, zone]) => DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true })!),
    fc.constantFrom(...DST_EVES),
  ),
  { nil: undefined },
);

/**
 * A 200 answer in the ParseResponse shape that agrees with itself and with the request: no agent threw (the
 * coordinator would have answered anyway, with an ambiguity saying so), the zone asked for
 * (or the place's), a complete answer resolved and not before `now`, date and time the wall clock of
 * `start`, `end` after `start`; a cancel asks for no new slot, and only a cancel or reschedule has a
 * `previous`.
 */
const CONTRACT_INSTANT = /^(?:19|20|21)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}:00(?:\.000)?[+-]\d{2}:\d{2}$/;

export function expectAnswerHolds(json: unknown, request: Record<string, unknown>): ParseResponse {
  const parsed = ParseResponseSchema.parse(json);
  expect(parsed.ambiguities.filter((ambiguity) => AGENT_FAILED.has(ambiguity.message))).toEqual([]);
  // The user's zone, unless the Geo agent placed the appointment somewhere else, whose zone it then names.
  const placeZone = parsed.appointment.location?.timezone;
  expect(parsed.appointment.timezone).toBe(placeZone ?? request.timezone ?? "UTC");
  const { appointment } = parsed;
  if (parsed.status === "complete") {
    expect(appointment.start).not.toBeNull();
    expect(appointment.date).not.toBeNull();
    expect(appointment.time).not.toBeNull();
    const now = request.now === undefined ? null : Date.parse(request.now as string);
    if (now !== null) expect(Date.parse(appointment.start!)).toBeGreaterThanOrEqual(now);
  }
  // The contract's format: a four-digit year between 1900 and 2199, a whole-minute offset.
  for (const instant of [appointment.start, appointment.end, parsed.previous?.start ?? null]) {
    if (instant !== null) expect(instant).toMatch(CONTRACT_INSTANT);
  }
  for (const date of [appointment.date, parsed.previous?.date ?? null]) {
    if (date !== null)
      expect(Number(date.slice(0, 4))).toSatisfy((year: number) => year >= 1900 && year <= 2199);
  }
  if (appointment.start !== null) {
    // date and time are the local wall clock of start in the appointment's zone, with the offset in force.
    const start = DateTime.fromISO(appointment.start, { setZone: true });
    const local = start.setZone(appointment.timezone);
    expect(start.offset).toBe(local.offset);
    expect(local.toISODate()).toBe(appointment.date);
    expect(local.toFormat("HH:mm")).toBe(appointment.time);
  }
  if (appointment.end !== null) {
    expect(appointment.start).not.toBeNull();
    expect(Date.parse(appointment.end)).toBeGreaterThan(Date.parse(appointment.start!));
  }
  if (parsed.intent === "cancel") {
    expect(parsed.status).toBe("needs_clarification");
    expect([appointment.date, appointment.time]).toEqual([null, null]);
  }
  if (parsed.intent !== "cancel" && parsed.intent !== "reschedule") expect(parsed.previous).toBeNull();
  return parsed;
}
