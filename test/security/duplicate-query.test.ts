// Issue 16, item 6: a query parameter given twice was read as its last value, so `?from=…&from=…` could mean
// one range to a cache or proxy that reads the first and another to Cita. Reproduced as a client would send
// it; fixed: every route that reads its query refuses a repeated parameter with 400 naming it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorResponseSchema } from "../../src/http/schemas/errors.js";
import { readQuery } from "../../src/http/validation.js";
import { type CalendarApp, calendarClient, MONDAY, openCalendarApp } from "../support/calendar-app.js";

let calendars: CalendarApp;
const { newCalendar } = calendarClient(() => calendars.app);

beforeAll(async () => {
  calendars = await openCalendarApp();
});
afterAll(async () => {
  await calendars?.close();
});

const from = `${MONDAY}T00:00:00+01:00`;
const to = `${MONDAY}T23:59:00+01:00`;

describe("duplicate query parameters", () => {
  it.each([
    ["from", `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&from=2026-01-01T00:00:00Z`],
    ["to", `to=${encodeURIComponent(to)}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`],
    ["extra", `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&extra=1&extra=1`],
  ])("availability refuses %s given twice with 400 naming it", async (name, query) => {
    const calendarId = await newCalendar();
    const response = await calendars.app.request(`/v1/calendars/${calendarId}/availability?${query}`);
    const raw = await response.text();
    expect(response.status, raw).toBe(400);
    const { error } = ErrorResponseSchema.parse(JSON.parse(raw));
    expect(error.code).toBe("invalid_request");
    expect(error.message).toBe(`Query parameter given twice: ${name}.`);
  });

  it("availability still answers each parameter given once", async () => {
    const calendarId = await newCalendar();
    const query = new URLSearchParams({ from, to });
    const response = await calendars.app.request(`/v1/calendars/${calendarId}/availability?${query}`);
    expect(response.status).toBe(200);
  });

  it("reads a query as its parameters, and refuses a name repeated in any spelling URLSearchParams decodes", () => {
    expect(readQuery(new Request("http://cita/x"))).toEqual({});
    expect(readQuery(new Request("http://cita/x?a=1&b=&c"))).toEqual({ a: "1", b: "", c: "" });
    expect(() => readQuery(new Request("http://cita/x?a=1&%61=2"))).toThrow(
      "Query parameter given twice: a.",
    );
    expect(() => readQuery(new Request("http://cita/x?a&a"))).toThrow("given twice");
  });
});
