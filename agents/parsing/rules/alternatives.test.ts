// Rule 27 at its edges: alternatives differing in the date, the time or both (an ambiguity on each part
// they differ on, with its readings), an "or" that offers nothing else, the free ones as alternatives with
// a calendar, and a conversation's message read as the same text alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localize } from "../../../src/locales/index.js";
import { type RulesAnswers, rulesAnswers, slotOf } from "../../../test/support/rules-answers.js";

// Thursday 22 January 2026, 10:30 in Madrid: Dr. Pérez's Monday 26 has 16:00–17:00 taken, Friday 30 is
// closed; "el jueves" is Thursday 29, "el viernes" Friday 23.
let reader: RulesAnswers;
beforeAll(async () => {
  reader = await rulesAnswers({ now: "2026-01-22T10:30:00+01:00", timezone: "Europe/Madrid" });
});
afterAll(() => reader.close());

describe("the part the options differ on is asked for, with each reading", () => {
  it("both the date and the time", async () => {
    const answer = await reader.answer("Thursday at 10 or Friday at 2 with Dr. Patel");
    expect(slotOf(answer)).toEqual({
      date: null,
      time: null,
      durationMinutes: null,
      status: "needs_clarification",
      ambiguities: [
        { field: "date", issue: "ambiguous", options: ["2026-01-29", "2026-01-23"] },
        { field: "time", issue: "ambiguous", options: ["10:00", "14:00"] },
      ],
    });
    expect(answer.appointment.contact).toBe("Dr. Patel");
    expect(answer.ambiguities[0]!.message).toBe(localize("en", "optionNotPicked"));
  });

  it("the time only: the date they share stays", async () => {
    expect(slotOf(await reader.answer("mañana a las 10 o a las 11"))).toMatchObject({
      date: "2026-01-23",
      time: null,
      ambiguities: [{ field: "time", issue: "ambiguous", options: ["10:00", "11:00"] }],
    });
    expect(slotOf(await reader.answer("tmrw 3 or 4pm"))).toMatchObject({
      date: "2026-01-23",
      ambiguities: [{ field: "time", issue: "ambiguous", options: ["15:00", "16:00"] }],
    });
  });

  it("the date only: a time said once is every option's", async () => {
    expect(slotOf(await reader.answer("el lunes o el martes a las 10"))).toMatchObject({
      date: null,
      time: "10:00",
      ambiguities: [{ field: "date", issue: "ambiguous", options: ["2026-01-26", "2026-01-27"] }],
    });
    // A part of the day without an hour is still asked for (rule 7), once.
    expect(slotOf(await reader.answer("lunes o martes por la mañana")).ambiguities).toEqual([
      { field: "time", issue: "ambiguous" },
      { field: "date", issue: "ambiguous", options: ["2026-01-26", "2026-01-27"] },
    ]);
  });

  it("an option without its own day takes the one said before it", async () => {
    expect(
      slotOf(await reader.answer("el lunes a las 9 o a las 10 o el martes a las 9")).ambiguities,
    ).toEqual([
      { field: "date", issue: "ambiguous", options: ["2026-01-26", "2026-01-27"] },
      { field: "time", issue: "ambiguous", options: ["09:00", "10:00"] },
    ]);
  });
});

describe("an 'or' that offers no second slot", () => {
  it.each([
    "cita con el dentista o el ortodoncista el lunes a las 10",
    "monday at 10 or at 10:00, whichever",
    "el lunes a las 10 o algo así",
  ])("%j", async (text) => {
    expect(slotOf(await reader.answer(text))).toMatchObject({
      date: "2026-01-26",
      time: "10:00",
      status: "complete",
      ambiguities: [],
    });
  });
});

describe("with a calendar", () => {
  const free = async (text: string) =>
    (await reader.answer(text, { calendarId: "dr-perez" })).alternatives.map((slot) => slot.start);

  it("the alternatives are the options that are free, in the user's order", async () => {
    expect(await free("el lunes a las 16 o el martes a las 10")).toEqual(["2026-01-27T10:00:00+01:00"]);
    expect(await free("el martes a las 10 o a las 11")).toEqual([
      "2026-01-27T10:00:00+01:00",
      "2026-01-27T11:00:00+01:00",
    ]);
  });

  it("none when no option is free, or when an option has no hour to check", async () => {
    expect(await free("el lunes a las 16 o el viernes 30 a las 10")).toEqual([]);
    expect(await free("lunes o martes")).toEqual([]);
  });

  it("the status stays a question: the user has not chosen", async () => {
    const answer = await reader.answer("el lunes a las 16 o el martes a las 10", { calendarId: "dr-perez" });
    expect(answer.status).toBe("needs_clarification");
  });
});

describe("a conversation's message", () => {
  it("offers its alternatives as the same text alone does", async () => {
    const said = await reader.sameAsConversation("el jueves a las 10 o el viernes a las 2");
    expect(said.ambiguities.map((ambiguity) => ambiguity.field)).toEqual(["date", "time"]);
  });
});
