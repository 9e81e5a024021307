// Rule 21 at its edges: a negated, refused or replaced value gives way to the later one and only the part
// it names; a "no" that takes nothing back leaves the slot alone; "or rather" and "o sea" correct rather
// than offer; a reschedule keeps its two slots; a conversation's message reads the same.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RulesAnswers, rulesAnswers, slotOf } from "../../../test/support/rules-answers.js";

// Thursday 22 January 2026, 10:30 in Mexico City: tomorrow is Friday 23, "el lunes" Monday 26, "el
// martes" Tuesday 27, "el miércoles" Wednesday 28.
let reader: RulesAnswers;
beforeAll(async () => {
  reader = await rulesAnswers({ now: "2026-01-22T10:30:00-06:00", timezone: "America/Mexico_City" });
});
afterAll(() => reader.close());

const slot = async (text: string) => {
  const { date, time, status } = slotOf(await reader.answer(text));
  return [date, time, status];
};

describe("a value taken back gives way to the later one", () => {
  it.each([
    ["not Monday, Tuesday at 4", "2026-01-27", "16:00"],
    ["no el lunes, el martes a las 4", "2026-01-27", "16:00"],
    ["el sábado no, el domingo a las 11", "2026-01-25", "11:00"],
    ["thursday not friday at 10", "2026-01-29", "10:00"],
    ["no a las 3 sino a las 4 el lunes", "2026-01-26", "16:00"],
    // A refusal beside the value, as the conversation reader knows them.
    ["no puedo el lunes, el martes sí a las 4", "2026-01-27", "16:00"],
    ["el lunes no puedo, el martes a las 4", "2026-01-27", "16:00"],
    // Replaced.
    ["el martes a las 9, digo, el miércoles", "2026-01-28", "09:00"],
    ["tomorrow at 3… actually make it 5", "2026-01-23", "17:00"],
    ["friday at 10, sorry I mean 11", "2026-01-23", "11:00"],
    ["at 2pm, no wait, 3pm tomorrow", "2026-01-23", "15:00"],
    ["el lunes a las 3 perdón quise decir el martes", "2026-01-27", "15:00"],
    ["cita el jueves a las 10, mejor el viernes", "2026-01-23", "10:00"],
    // "or rather", "o sea": a correction, not alternatives (rule 27).
    ["monday 9am, or rather tuesday", "2026-01-27", "09:00"],
    ["mañana a las 5 o sea a las 6", "2026-01-23", "18:00"],
  ])("%j", async (text, date, time) => {
    expect(await slot(text)).toEqual([date, time, "complete"]);
  });

  it("a value negated with nothing to replace it is gone, and the part it did not name stays", async () => {
    expect(await slot("cita a las 10, no el lunes")).toEqual([null, "10:00", "needs_clarification"]);
  });
});

describe("a 'no' that takes nothing back", () => {
  it.each([
    ["no sé, el lunes a las 4 está bien", "2026-01-26", "16:00"],
    ["no worries, monday at 4 works", "2026-01-26", "16:00"],
    ["no hay apuro, el lunes a las 4", "2026-01-26", "16:00"],
    ["el lunes a las 4, no hay problema", "2026-01-26", "16:00"],
    ["sorry to bother, monday at 4?", "2026-01-26", "16:00"],
  ])("%j", async (text, date, time) => {
    expect(await slot(text)).toEqual([date, time, "complete"]);
  });
});

describe("a reschedule", () => {
  it("keeps the existing appointment and reads the new slot's correction", async () => {
    const answer = await reader.answer("move my monday appointment to thursday, no wait, friday at 10");
    expect([answer.intent, answer.previous?.date]).toEqual(["reschedule", "2026-01-26"]);
    expect([answer.appointment.date, answer.appointment.time]).toEqual(["2026-01-23", "10:00"]);
  });

  it("'tengo turno el martes pero lo quiero pasar al jueves 7': the 7th, a Thursday, is the new day", async () => {
    // Monday 4 May 2026 in Buenos Aires: Thursday 7 May exists, so "jueves 7" is that day (rule 4).
    const answer = await reader.answer("tengo turno el martes pero lo quiero pasar al jueves 7", {
      now: "2026-05-04T10:00:00-03:00",
      timezone: "America/Argentina/Buenos_Aires",
    });
    expect([answer.intent, answer.previous?.date]).toEqual(["reschedule", "2026-05-05"]);
    expect(slotOf(answer)).toMatchObject({ date: "2026-05-07", time: null, status: "needs_clarification" });
  });
});

describe("a conversation's message", () => {
  it("reads its corrections as the same text alone does", async () => {
    const said = await reader.sameAsConversation("no puedo el lunes, el martes sí a las 4");
    expect([said.date, said.time]).toEqual(["2026-01-27", "16:00"]);
  });
});
