// Daylight-saving days pinned in five zones, both hemispheres, through both endpoints: a skipped local time
// is invalid, a repeated one takes the earlier instant and says so, and a date across the change gets the
// offset in force on that date. The cases and checks, run on Node (test/dst.test.ts) and on workerd
// (test/workerd/dst.test.ts) by describeDaylightSavingDays.
import { describe, expect, it } from "vitest";

export interface AppointmentCase {
  zone: string;
  text: string;
  locale: string;
  now: string;
  start: string | null;
  status: string;
  issue?: "nonexistent_time" | "ambiguous";
}

export const APPOINTMENTS: AppointmentCase[] = [
  // Europe/Madrid: 2026-03-29 02:00 → 03:00; 2026-10-25 03:00 → 02:00.
  {
    zone: "Europe/Madrid",
    locale: "es-ES",
    text: "cita el domingo a las 2:30 de la madrugada",
    now: "2026-03-26T10:00:00+01:00",
    start: null,
    status: "invalid",
    issue: "nonexistent_time",
  },
  {
    zone: "Europe/Madrid",
    locale: "es-ES",
    text: "cita el domingo a las 2:30 de la madrugada",
    now: "2026-10-22T10:00:00+02:00",
    start: "2026-10-25T02:30:00+02:00",
    status: "needs_clarification",
    issue: "ambiguous",
  },
  {
    zone: "Europe/Madrid",
    locale: "es-ES",
    text: "cita el lunes a las 10",
    now: "2026-03-26T10:00:00+01:00",
    start: "2026-03-30T10:00:00+02:00",
    status: "complete",
  },
  // Europe/London: 2026-03-29 01:00 → 02:00; 2026-10-25 02:00 → 01:00.
  {
    zone: "Europe/London",
    locale: "en-GB",
    text: "appointment on Sunday at 1:30am",
    now: "2026-03-26T10:00:00+00:00",
    start: null,
    status: "invalid",
    issue: "nonexistent_time",
  },
  {
    zone: "Europe/London",
    locale: "en-GB",
    text: "appointment on Sunday at 1:30am",
    now: "2026-10-22T10:00:00+01:00",
    start: "2026-10-25T01:30:00+01:00",
    status: "needs_clarification",
    issue: "ambiguous",
  },
  {
    zone: "Europe/London",
    locale: "en-GB",
    text: "appointment next Monday at 10am",
    now: "2026-03-26T10:00:00+00:00",
    start: "2026-03-30T10:00:00+01:00",
    status: "complete",
  },
  // America/Los_Angeles: 2026-03-08 02:00 → 03:00; 2026-11-01 02:00 → 01:00.
  {
    zone: "America/Los_Angeles",
    locale: "en-US",
    text: "dentist Sunday at 2:30am",
    now: "2026-03-05T10:00:00-08:00",
    start: null,
    status: "invalid",
    issue: "nonexistent_time",
  },
  {
    zone: "America/Los_Angeles",
    locale: "en-US",
    text: "dentist Sunday at 1:30am",
    now: "2026-10-29T10:00:00-07:00",
    start: "2026-11-01T01:30:00-07:00",
    status: "needs_clarification",
    issue: "ambiguous",
  },
  {
    zone: "America/Los_Angeles",
    locale: "en-US",
    text: "dentist Monday at 10am",
    now: "2026-03-05T10:00:00-08:00",
    start: "2026-03-09T10:00:00-07:00",
    status: "complete",
  },
  // Australia/Sydney: 2026-04-05 03:00 → 02:00 (summer time ends); 2026-10-04 02:00 → 03:00.
  {
    zone: "Australia/Sydney",
    locale: "en-AU",
    text: "physio Sunday at 2:30am",
    now: "2026-04-02T10:00:00+11:00",
    start: "2026-04-05T02:30:00+11:00",
    status: "needs_clarification",
    issue: "ambiguous",
  },
  {
    zone: "Australia/Sydney",
    locale: "en-AU",
    text: "physio Sunday at 2:30am",
    now: "2026-10-01T10:00:00+10:00",
    start: null,
    status: "invalid",
    issue: "nonexistent_time",
  },
  {
    zone: "Australia/Sydney",
    locale: "en-AU",
    text: "physio Monday at 10am",
    now: "2026-04-02T10:00:00+11:00",
    start: "2026-04-06T10:00:00+10:00",
    status: "complete",
  },
  // America/Santiago: Saturday 2026-04-04 24:00 → 23:00; Sunday 2026-09-06 00:00 → 01:00.
  {
    zone: "America/Santiago",
    locale: "es-CL",
    text: "hora al dentista el sábado a las 23:30",
    now: "2026-04-01T10:00:00-03:00",
    start: "2026-04-04T23:30:00-03:00",
    status: "needs_clarification",
    issue: "ambiguous",
  },
  {
    zone: "America/Santiago",
    locale: "es-CL",
    text: "hora al dentista el domingo a las 00:30",
    now: "2026-09-03T10:00:00-04:00",
    start: null,
    status: "invalid",
    issue: "nonexistent_time",
  },
  {
    zone: "America/Santiago",
    locale: "es-CL",
    text: "hora al dentista el lunes a las 10",
    now: "2026-04-01T10:00:00-03:00",
    start: "2026-04-06T10:00:00-04:00",
    status: "complete",
  },
];

export interface DucklingCase {
  zone: string;
  text: string;
  locale: string;
  reftime: string;
  value: string;
}

export const DUCKLING: DucklingCase[] = [
  {
    zone: "Europe/Madrid",
    locale: "en_US",
    text: "tomorrow at 10am",
    reftime: "2026-03-28T12:00:00+01:00",
    value: "2026-03-29T10:00:00.000+02:00",
  },
  {
    zone: "Europe/London",
    locale: "en_GB",
    text: "tomorrow at 10am",
    reftime: "2026-10-24T12:00:00+01:00",
    value: "2026-10-25T10:00:00.000+00:00",
  },
  {
    zone: "America/Los_Angeles",
    locale: "en_US",
    text: "tomorrow at 10am",
    reftime: "2026-03-07T12:00:00-08:00",
    value: "2026-03-08T10:00:00.000-07:00",
  },
  {
    zone: "Australia/Sydney",
    locale: "en_US",
    text: "tomorrow at 10am",
    reftime: "2026-10-03T12:00:00+10:00",
    value: "2026-10-04T10:00:00.000+11:00",
  },
  {
    zone: "America/Santiago",
    locale: "es_CL",
    text: "mañana a las 10 de la mañana",
    reftime: "2026-09-05T12:00:00-04:00",
    value: "2026-09-06T10:00:00.000-03:00",
  },
];

export type Send = (path: string, init: RequestInit) => Promise<Response>;

function appointmentRequest(testCase: AppointmentCase): RequestInit {
  const { text, locale, zone: timezone, now } = testCase;
  return {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text, locale, timezone, now }),
  };
}

function ducklingRequest(testCase: DucklingCase): RequestInit {
  const body = new URLSearchParams({
    text: testCase.text,
    locale: testCase.locale,
    tz: testCase.zone,
    reftime: String(Date.parse(testCase.reftime)),
    dims: '["time"]',
  });
  return {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: body.toString(),
  };
}

export async function checkAppointment(send: Send, testCase: AppointmentCase): Promise<void> {
  const response = await send("/v1/appointments/parse", appointmentRequest(testCase));
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    status: string;
    appointment: { start: string | null };
    ambiguities: { field: string; issue: string }[];
  };
  expect(body.status).toBe(testCase.status);
  expect(body.appointment.start).toBe(testCase.start);
  if (testCase.issue === undefined) expect(body.ambiguities).toEqual([]);
  else
    expect(body.ambiguities).toContainEqual(
      expect.objectContaining({ field: "time", issue: testCase.issue }),
    );
}

export async function checkDuckling(send: Send, testCase: DucklingCase): Promise<void> {
  const response = await send("/parse", ducklingRequest(testCase));
  expect(response.status).toBe(200);
  const entities = (await response.json()) as { dim: string; value: { value?: string } }[];
  const times = entities.filter((entity) => entity.dim === "time");
  expect(times.map((entity) => entity.value.value)).toEqual([testCase.value]);
}

const label = (testCase: { zone: string; text: string }) => `${testCase.zone}: ${testCase.text}`;

/** Every case through both endpoints of one runtime, reached by `send`. */
export function describeDaylightSavingDays(runtime: string, send: Send): void {
  describe(`daylight-saving days on ${runtime}`, () => {
    it.each(APPOINTMENTS.map((testCase) => [label(testCase), testCase] as const))(
      "appointment %s",
      (_name, testCase) => checkAppointment(send, testCase),
    );
    it.each(DUCKLING.map((testCase) => [label(testCase), testCase] as const))(
      "duckling %s",
      (_name, testCase) => checkDuckling(send, testCase),
    );
  });
}
