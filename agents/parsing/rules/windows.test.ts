// Rule 20 at its edges: both ends of a range (its start and its length), a range that crosses noon or
// midnight or ends before it starts, a window (no time, the free slots inside it with a calendar, the
// nearest ones when none is free), an approximation, and numbers that only look like a span.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localize } from "../../../src/locales/index.js";
import { type RulesAnswers, rulesAnswers, slotOf } from "../../../test/support/rules-answers.js";

// Thursday 22 January 2026, 10:30 in Madrid: tomorrow is Friday 23 (Dr. Pérez: 9–14, 10:00 taken),
// "el lunes" Monday 26 (16:00–17:00 taken).
let reader: RulesAnswers;
beforeAll(async () => {
  reader = await rulesAnswers({ now: "2026-01-22T10:30:00+01:00", timezone: "Europe/Madrid" });
});
afterAll(() => reader.close());

describe("a range is its start and its length", () => {
  it.each([
    ["de 10 a 11:30 el lunes", "10:00", 90],
    ["from 10 to 11:30 on monday", "10:00", 90],
    ["monday 10-11:30am", "10:00", 90],
    // "el lunes 10" would be Monday the 10th (rule 4): the hour needs its "a las" here.
    ["el lunes a las 10–11:30", "10:00", 90],
    ["el lunes de 9 a 13 hs", "09:00", 240],
    // Across noon: each end by the bare-hour rule (10 is morning, 2 afternoon).
    ["monday 10 to 2", "10:00", 240],
    ["el lunes de 11 a 1", "11:00", 120],
    // The part of the day said after the range holds for both ends.
    ["el lunes de 8 a 10 de la noche", "20:00", 120],
    // Across midnight, when both ends say their half of the day.
    ["monday 10pm to 1am", "22:00", 180],
  ])("%j", async (text, time, durationMinutes) => {
    expect(slotOf(await reader.answer(text))).toMatchObject({
      date: "2026-01-26",
      time,
      durationMinutes,
      status: "complete",
      ambiguities: [],
    });
  });

  it("a length said outright wins over the range's", async () => {
    expect(slotOf(await reader.answer("el lunes de 10 a 12, una hora"))).toMatchObject({
      time: "10:00",
      durationMinutes: 60,
    });
  });

  it("a range that ends before it starts keeps its start and asks for the length", async () => {
    const answer = await reader.answer("cita de 11 a 10 el lunes");
    expect(slotOf(answer)).toMatchObject({
      date: "2026-01-26",
      time: "11:00",
      durationMinutes: null,
      status: "needs_clarification",
      ambiguities: [{ field: "duration", issue: "ambiguous" }],
    });
    expect(answer.ambiguities[0]!.message).toBe(localize("es", "rangeReversed"));
  });

  it("two times that cannot bound one appointment stay two times, the first the slot's", async () => {
    expect(slotOf(await reader.answer("monday from 2:15 pm to 10 am"))).toMatchObject({
      time: "14:15",
      durationMinutes: null,
      ambiguities: [],
    });
  });

  it("with a calendar, the range is booked as one slot of its length", async () => {
    const answer = await reader.answer("cita el lunes de 16 a 17", { calendarId: "dr-perez" });
    expect(slotOf(answer)).toMatchObject({ time: "16:00", durationMinutes: 60, status: "conflict" });
    expect(answer.appointment.end).toBe("2026-01-26T17:00:00+01:00");
  });
});

describe("a window has no time of its own", () => {
  it.each([
    "call with Ann tomorrow between 3 and 5pm",
    "mañana entre las 3 y las 5",
    "after 5pm tomorrow",
    "mañana después de las 5",
    "tomorrow before 10",
    "mañana antes de las 10",
    "mañana a partir de las 4",
    "tomorrow not before 10",
    "tomorrow 5pm or later",
  ])("%j", async (text) => {
    expect(slotOf(await reader.answer(text))).toMatchObject({
      date: "2026-01-23",
      time: null,
      status: "needs_clarification",
      ambiguities: [{ field: "time", issue: "ambiguous" }],
    });
  });

  const starts = async (text: string) =>
    (await reader.answer(text, { calendarId: "dr-perez" })).alternatives.map((slot) =>
      slot.start.slice(11, 16),
    );

  it("with a calendar, its alternatives are the free slots inside it", async () => {
    expect(await starts("cita mañana entre las 9 y las 12")).toEqual([
      "09:00",
      "09:30",
      "10:30",
      "11:00",
      "11:30",
    ]);
    expect(await starts("cita el lunes antes de las 10")).toEqual(["09:00", "09:30"]);
    // "no antes de las 17" is after 17:00; the 16:00–17:00 booking is outside it anyway.
    expect(await starts("cita el lunes no antes de las 17")).toEqual(["17:00", "17:30", "18:00", "18:30"]);
  });

  it("with nothing free inside it, the nearest free slots after its start are offered, said to be outside it", async () => {
    const answer = await reader.answer("cita mañana después de las 2 de la tarde", {
      calendarId: "dr-perez",
    });
    // Friday closes at 14:00 and the weekend is closed: Monday 26 from 9:00, not Friday's morning.
    expect(answer.alternatives.map((slot) => slot.start)).toEqual([
      "2026-01-26T09:00:00+01:00",
      "2026-01-26T09:30:00+01:00",
      "2026-01-26T10:00:00+01:00",
    ]);
    expect(answer.ambiguities[0]!.message).toContain(localize("es", "nothingFreeThen"));
  });
});

describe("an approximation is that time", () => {
  it.each([
    "tomorrow 3ish",
    "around 3 tomorrow",
    "mañana a eso de las 3",
    "mañana tipo 3",
    "mañana como a las 3",
  ])("%j", async (text) => {
    expect(slotOf(await reader.answer(text))).toMatchObject({
      date: "2026-01-23",
      time: "15:00",
      status: "complete",
    });
  });
});

describe("numbers that only look like a span", () => {
  it.each([
    // A day and an hour, not a range from the 30th to 8.
    ["el viernes 30 a las 8:00", { date: "2026-01-30", time: "08:00", durationMinutes: null }],
    // A length ("3 horas" is the duration reader's), not a range of hours.
    ["una sesión de 2 a 3 horas el lunes a las 10", { date: "2026-01-26", time: "10:00" }],
    // A date written with a dash is no range from 10 to 2.
    ["cita el 10-02 a las 9", { time: "09:00", durationMinutes: null }],
    ["call 555-1234 tomorrow at 9", { date: "2026-01-23", time: "09:00", durationMinutes: null }],
  ])("%j", async (text, expected) => {
    expect(slotOf(await reader.answer(text))).toMatchObject(expected);
  });
});
