// A reschedule's two slots and a cancel's one (rule 22), read by the Parsing agent and resolved by the
// Temporal agent: the existing appointment in `previous`, the new slot in the draft, whichever order the
// text names them in, and what the new slot keeps of the old one.
import { describe, expect, it } from "vitest";
import { type Draft, emptyDraft } from "../../src/coordinator/agent.js";
import { createAgentContext } from "../../src/coordinator/context.js";
import { temporalAgent } from "../temporal/index.js";
import { parsingAgent } from "./index.js";

// Thursday 22 January 2026, 10:30 in Madrid: tomorrow is Friday 23, "el lunes" Monday 26.
const THURSDAY = Date.parse("2026-01-22T10:30:00+01:00");

function read(text: string): Draft {
  const context = createAgentContext({
    text,
    locale: null,
    timezone: "Europe/Madrid",
    now: THURSDAY,
    calendar: null,
    store: null,
  });
  return temporalAgent.run(context, parsingAgent.run(context, emptyDraft(context)) as Draft) as Draft;
}

type Slot = [date: string | null, time: string | null];
const slots = (draft: Draft): { next: Slot; previous: Slot | null } => ({
  next: [draft.date, draft.time],
  previous: draft.previous && [draft.previous.date, draft.previous.time],
});

describe("a reschedule's slots", () => {
  it.each<[string, Slot, Slot]>([
    // The existing one first, the new one after "para", "al", "a", "por", "to".
    [
      "cambiar mi cita del lunes a las 10 para el miércoles",
      ["2026-01-26", "10:00"],
      ["2026-01-28", "10:00"],
    ],
    ["tengo turno el martes pero lo quiero pasar al jueves", ["2026-01-27", null], ["2026-01-29", null]],
    // A wording that ends on "my", "mi" names the existing appointment right after it.
    ["I need to move my Friday 9am with Dr Singh", ["2026-01-23", "09:00"], [null, null]],
    ["move my Monday appointment to Tuesday at 5pm", ["2026-01-26", null], ["2026-01-27", "17:00"]],
    ["pasar el turno de las 3 a las 5", [null, "15:00"], [null, "17:00"]],
    ["adelantar la cita de mañana de las 5 a las 4", ["2026-01-23", "17:00"], ["2026-01-23", "16:00"]],
    ["cambiar el martes por el jueves", ["2026-01-27", null], ["2026-01-29", null]],
    ["reprogramar el martes el jueves", ["2026-01-27", null], ["2026-01-29", null]],
    ["mi turno del 15 de marzo a las 10 lo paso al 20", ["2026-03-15", "10:00"], ["2026-03-20", "10:00"]],
    // Before the wording, "para" still describes the existing appointment.
    ["mi cita para el viernes, ¿la puedo cambiar al lunes?", ["2026-01-23", null], ["2026-01-26", null]],
    // A part of the day after an hour is the other slot's.
    ["pasar mi turno de mañana de las 10 a la tarde", ["2026-01-23", "10:00"], ["2026-01-23", null]],
    ["move my 3pm tomorrow to 4:30", ["2026-01-23", "15:00"], ["2026-01-23", "16:30"]],
    ["move my appointment on the 5th to 28", ["2026-02-05", null], ["2026-01-28", null]],
    ["quiero cambiar mi turno del 12 al 14", ["2026-02-12", null], ["2026-02-14", null]],
    ["kiero kambiar el turno pa el lunes", [null, null], ["2026-01-26", null]],
    // After a word for the existing slot, a bare number is an hour when the text names a clock time.
    ["can u move me to 5:30 instead of 4", [null, "16:00"], [null, "17:30"]],
    ["movéme el turno del lunes a las 9 al martes", ["2026-01-26", "09:00"], ["2026-01-27", "09:00"]],
    ["move my 3pm tomorrow to Monday", ["2026-01-23", "15:00"], ["2026-01-26", "15:00"]],
    ["reschedule my Thursday appointment to Friday at 10", ["2026-01-29", null], ["2026-01-23", "10:00"]],
    ["push back my 3pm to 5", [null, "15:00"], [null, "17:00"]],
    ["move my appointment from Monday to Wednesday", ["2026-01-26", null], ["2026-01-28", null]],
    [
      "tomorrow's 3pm appointment, can you move it to monday?",
      ["2026-01-23", "15:00"],
      ["2026-01-26", "15:00"],
    ],
    ["reschedule my appt from tmrw 3pm to mon 10am", ["2026-01-23", "15:00"], ["2026-01-26", "10:00"]],
    // The new one first: "en vez de", "instead of" mark the existing one after it.
    ["quiero el jueves en vez del martes, ¿lo podemos cambiar?", ["2026-01-27", null], ["2026-01-29", null]],
    ["monday at 10 instead of friday, can you move it?", ["2026-01-23", null], ["2026-01-26", "10:00"]],
    ["el viernes a las 9, ¿puedo pasar mi turno del lunes?", ["2026-01-26", null], ["2026-01-23", "09:00"]],
    // A cancel that asks for another slot moves the appointment.
    ["i can't make it tomorrow at 3, how about 5?", ["2026-01-23", "15:00"], ["2026-01-23", "17:00"]],
    [
      "no voy a poder ir el martes, ¿puede ser el jueves a las 11?",
      ["2026-01-27", null],
      ["2026-01-29", "11:00"],
    ],
    ["cancel my 3pm tomorrow and book me at 5 instead", ["2026-01-23", "15:00"], ["2026-01-23", "17:00"]],
    [
      "tengo turno el lunes a las 10 y no voy a poder ir, ¿se puede pasar para el miércoles?",
      ["2026-01-26", "10:00"],
      ["2026-01-28", "10:00"],
    ],
  ])("%s", (text, previous, next) => {
    const draft = read(text);
    expect(draft.intent).toBe("reschedule");
    expect(slots(draft)).toEqual({ next, previous });
  });

  it("keeps the part of the day when the new slot names no hour, and asks for the hour", () => {
    const draft = read("pasar mi turno del martes a la tarde al jueves");
    expect(slots(draft)).toEqual({ previous: ["2026-01-27", null], next: ["2026-01-29", null] });
    expect(draft.ambiguities).toContainEqual(expect.objectContaining({ field: "time", issue: "ambiguous" }));
  });

  it("borrows nothing when the new slot names nothing", () => {
    expect(slots(read("I need to reschedule my 3pm tomorrow"))).toEqual({
      previous: ["2026-01-23", "15:00"],
      next: [null, null],
    });
    expect(slots(read("necesito reprogramar"))).toEqual({ previous: [null, null], next: [null, null] });
  });

  it("gives the person and the service to both the appointment and the one it replaces", () => {
    const draft = read("reschedule my dentist appointment with Dr. Lee on Monday to Tuesday at 9am");
    expect([draft.contact, draft.service]).toEqual(["Dr. Lee", "dentist"]);
    expect(draft.previous).toMatchObject({ contact: "Dr. Lee", service: "dentist", date: "2026-01-26" });
    expect([draft.date, draft.time]).toEqual(["2026-01-27", "09:00"]);
    const spanish = read("necesito reprogramar la limpieza dental de mañana para el lunes a las 10");
    expect(spanish.previous).toMatchObject({ service: "limpieza dental", date: "2026-01-23", time: null });
    expect([spanish.service, spanish.date, spanish.time]).toEqual(["limpieza dental", "2026-01-26", "10:00"]);
  });

  it("reads a bare hour after a word for the new slot only in a reschedule", () => {
    expect(
      read("push back my 3pm appointment to 5").expressions.map((expression) => expression.parser),
    ).toEqual(["rules/slot-hour"]);
    expect(read("book me a slot to 5").expressions).toEqual([]);
    // "3pm to 5" is read as one phrase (rule 20); in a reschedule its two times are the two slots.
    const pushed = read("push back my 3pm to 5");
    expect(pushed.expressions.map((expression) => expression.time)).toEqual([{ hour: 5, minute: 0 }]);
    expect(pushed.previous?.expressions.map((expression) => expression.time?.meridiem)).toEqual(["pm"]);
  });
});

describe("a cancel's appointment", () => {
  it.each<[string, Slot]>([
    ["cancel my dentist appointment tomorrow at 3pm", ["2026-01-23", "15:00"]],
    ["cancelar mi cita de mañana a las 3", ["2026-01-23", "15:00"]],
    ["quiero cancelar el turno del lunes", ["2026-01-26", null]],
    ["cancelame el turno para las 5 del viernes", ["2026-01-23", "17:00"]],
    ["i cant make my appt friday at 4:30", ["2026-01-23", "16:30"]],
    ["cancel my appointment", [null, null]],
    ["cancelar el turno del 28", ["2026-01-28", null]],
    // "my 2" is no hour: a bare number after a word for the existing slot is only a day after "del".
    ["cancel my 2 appointments tomorrow", ["2026-01-23", null]],
  ])("%s", (text, previous) => {
    const draft = read(text);
    expect(draft.intent).toBe("cancel");
    expect(slots(draft)).toEqual({ previous, next: [null, null] });
    expect(draft.expressions).toEqual([]);
  });

  it("is as sure as the reading of the appointment it names", () => {
    expect(read("cancel my appointment tomorrow at 3:30").certainty).toBe(1);
    // British "half three" is read a little less surely.
    expect(read("cancel my appointment tomorrow at half three").certainty).toBe(0.9);
  });

  it("names the person and the service of the appointment it drops", () => {
    const draft = read("no voy a poder ir al turno del martes con el Dr. Gómez");
    expect(draft.previous).toMatchObject({ contact: "Dr. Gómez", date: "2026-01-27" });
    expect(draft.contact).toBe("Dr. Gómez");
  });
});
