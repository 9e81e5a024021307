// Rule 24 at its edges: names after a title, "with"/"con", a verb or before an occasion, in any case; month
// and weekday words that are names there and dates elsewhere; relations, roles and the parts of a calendar
// entry that are no names.
import { describe, expect, it } from "vitest";
import { readableText } from "../../../src/coordinator/context.js";
import type { DateSpec } from "../../../src/temporal/types.js";
import { readText } from "./read.js";

const THURSDAY = new Date("2026-01-22T10:30:00+01:00");

function read(text: string) {
  const reading = readText(readableText(text, null), THURSDAY);
  const dates = reading.found.flatMap((expression) => (expression.date ? [expression.date] : []));
  return { contact: reading.contact, service: reading.service, dates };
}

const weekday = (day: number): Partial<DateSpec> => ({ kind: "weekday", weekday: day as 1 });

describe("rule 24: month and weekday words that are names", () => {
  it.each([
    // A title, then a month, then a real date: the first is the name, the second the date.
    ["Dr. May on May 5 at 10am", "Dr. May", { kind: "calendar", day: 5, month: 5 }],
    ["see dr. may on may 5 at 10am", "dr. may", { kind: "calendar", day: 5, month: 5 }],
    ["Dr March on Monday", "Dr March", weekday(1)],
    ["Dr. Domingo Salas el sábado", "Dr. Domingo Salas", weekday(6)],
    ["turno con el dr domingo salas el sabado 10hs", "dr domingo salas", weekday(6)],
    ["almuerzo con domingo el sabado a las 13", "domingo", weekday(6)],
    ["coffee with April on Friday at 3pm", "April", weekday(5)],
    // A role title is a name's only before a capitalised surname or beside another date.
    ["cita con el doctor Domingo Salas el martes", "doctor Domingo Salas", weekday(2)],
    [
      "cita con la doctora mayo el 5 de mayo a las 10",
      "doctora mayo",
      { kind: "calendar", day: 5, month: 5 },
    ],
    // Inside a capitalised name, beside another date.
    ["cita con la profesora Nieves Domingo el lunes a las 5", "profesora Nieves Domingo", weekday(1)],
    ["june's birthday party on saturday", "june", weekday(6)],
  ])("%s: contact %s, and the date is the other word", (text, contact, date) => {
    const reading = read(text);
    expect(reading.contact).toBe(contact);
    expect(reading.dates).toEqual([expect.objectContaining(date)]);
  });

  it.each([
    // A day number right after makes the month word the date.
    ["Dr. May 5 at 10am", { kind: "calendar", day: 5, month: 5 }],
    ["lunch with may 5 at noon", { kind: "calendar", day: 5, month: 5 }],
    // A role title before a weekday: the role and the day ("see the doctor Monday at 3pm").
    ["see the doctor Monday at 3pm", weekday(1)],
    ["see the doctor monday at 3pm", weekday(1)],
    // Offered as alternatives, the weekdays stay dates.
    ["cita con el doctor lunes o martes", weekday(1)],
    // After a capitalised name with no other date, a weekday is the date.
    ["see Dr Smith Monday at 3", weekday(1)],
    // "monday's meeting" is a day's, not a person's.
    ["move monday's meeting to 3pm", weekday(1)],
  ])("%s keeps its date", (text, date) => {
    expect(read(text).dates[0]).toEqual(expect.objectContaining(date));
  });
});

describe("rule 24: who the person is", () => {
  it.each([
    // A name at the end of the text, and before a weekday.
    ["schedule a meeting tomorrow at 10am with jennifer", "jennifer"],
    ["meeting with dr may", "dr may"],
    ["meet sarah monday at 5pm", "sarah"],
    // Verbs whose object is a person.
    ["call bill to reschedule", "bill"],
    ["recordame llamar a juan el viernes a las 4", "juan"],
    ["text mike about the meeting", "mike"],
    ["Call Bill tomorrow at 9", "Bill"],
    ["what time am i meeting john tomorrow", "john"],
    // A relation, then a name.
    ["birthday of my uncle joe on may fourth", "joe"],
    // Occasions: a possessive, without its apostrophe, or after "of"/"de".
    ["peter's birthday party on saturday", "peter"],
    ["Add Peter’s birthday on Saturday", "Peter"],
    ["mark sarahs birthday party on the 12th", "sarahs"],
    ["el cumple de sofi es el sabado", "sofi"],
    // A role title, then a weekday before a capitalised surname: the name.
    ["turno con el doctor Domingo Salas a las 10", "doctor Domingo Salas"],
    // A role, then a name: the role is the service.
    ["Cita con el psicólogo Andrés Felipe Mora el jueves", "Andrés Felipe Mora"],
    ["hola quiero turno con la kinesiologa sofia gimenez", "sofia gimenez"],
    // A capitalised word inside a capitalised name, in a sentence-case text, is the name's.
    ["Meeting with Mrs Rose Day at 4pm", "Mrs Rose Day"],
    // Capitals on every word tell nothing: "For" ends the name.
    ["Meeting With Dr Smith For A Checkup", "Dr Smith"],
  ])("%s: %s", (text, contact) => {
    expect(read(text).contact).toBe(contact);
  });

  it.each([
    // With no "con" before it: an article, a role, a name (the text), in any case.
    ["el psicólogo Andrés Felipe Mora el lunes a las 5", "Andrés Felipe Mora", "psicólogo"],
    ["el psicologo andres felipe mora el lunes a las 5", "andres felipe mora", "psicologo"],
    // A role and no name: the service alone; with capitals elsewhere, a lower-case word is no name.
    ["la peluquera el lunes a las 5", null, "peluquera"],
    ["La peluquera nueva, el lunes a las 5", null, "peluquera"],
    // Without capitals, one word after the role is no full name.
    ["how much is the consultation fee?", null, "consultation"],
  ])("%s: a role after an article, then %s", (text, contact, service) => {
    expect(read(text)).toMatchObject({ contact, service });
  });

  it("a role followed by a name gives both", () => {
    expect(read("cita con el psicólogo Andrés Felipe Mora el jueves")).toMatchObject({
      contact: "Andrés Felipe Mora",
      service: "psicólogo",
    });
  });

  it.each([
    // Relations, lower case or not, after a verb or "with".
    "remind me to call mom tomorrow at 6pm",
    "llamar a mama mañana a las 10",
    "lunch with the team on friday",
    "meeting with these people tomorrow",
    "meeting with human resources on monday",
    "remind me to call my daughter first thing on thursday",
    // What a calendar entry has, and function words.
    "report the lineup with start times",
    "add the event with location home tomorrow at 5pm",
    "see if the room is free on monday",
    "call back tomorrow at 10",
    "remind me to send that email later",
    // Possessives that are no person's: a day's, a holiday, a place, after an article, a relation's.
    "what's on for monday's meeting",
    "valentine's day dinner at 8pm",
    "haircut at sally's on friday",
    "the company's anniversary party on friday",
    "my parents anniversary dinner on friday",
    // Written with capitals, a lower-case word after "with" is no name, a month's name included.
    "Lunch with april colleagues",
    // What one calls, texts or meets that is a place, a message or a trade.
    "send a text message tomorrow at 3",
    "call center appointment at 5",
    "call plumber tomorrow 9am",
    // Initials alone are no name.
    "add to calendar doctor k. at 3pm",
    // A role title before words that end names.
    "i no longer need to see the doctor can that event be removed",
  ])("%s: no contact", (text) => {
    expect(read(text).contact).toBeNull();
  });
});
