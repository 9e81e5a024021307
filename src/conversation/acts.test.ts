// What a reply does besides stating values: each word list at its edges, in both languages.
import { describe, expect, it } from "vitest";
import { extractExpressions } from "../temporal/extract.js";
import { normalizeText } from "../temporal/text.js";
import { replyActs } from "./acts.js";

function acts(reply: string) {
  const text = normalizeText(reply);
  const expressions = extractExpressions(
    text,
    { language: "en", dayFirst: false },
    new Date("2026-03-05T16:00:00Z"),
  );
  return replyActs(text, expressions);
}

describe("accepting and refusing", () => {
  it.each([
    "sí",
    "si",
    "dale",
    "Dale dale 👍",
    "ok",
    "de una",
    "perfecto, gracias",
    "me parece perfecto",
    "yes",
    "yes please",
    "sounds good",
    "that works for me",
    "That would be fine.",
    "no problem",
    "no hay problema",
    "Yes. What's their phone number?",
    "sí, pero a las 5",
  ])("%j accepts", (reply) => {
    expect(acts(reply)).toMatchObject({ accept: true, reject: false });
  });

  it.each([
    "no",
    "no puedo",
    "No, thanks",
    "nope",
    "that doesn't work",
    "anything later?",
    "no me sirve el jueves",
  ])("%j refuses", (reply) => {
    expect(acts(reply)).toMatchObject({ accept: false, reject: true });
  });

  it.each([
    "¿cuánto cuesta?",
    "what's the address?",
    "a las 5",
    "I would like to look for someone else",
    "time",
  ])("%j neither accepts nor refuses", (reply) => {
    expect(acts(reply)).toMatchObject({ accept: false, reject: false });
  });

  it("a clause of fillers alone accepts nothing", () => {
    expect(acts("that would be great for me").accept).toBe(true);
    expect(acts("that would be for me").accept).toBe(false);
  });
});

describe("picks and references", () => {
  it.each([
    ["la segunda", 2],
    ["el primero", 1],
    ["the third one", 3],
    ["la última", -1],
    ["the last", -1],
    ["option 2", 2],
    ["opción 3", 3],
  ])("%j picks position %i", (reply, position) => {
    expect(acts(reply).ordinal?.position).toBe(position);
  });

  it("a day of the month is no pick", () => {
    expect(acts("el 2").ordinal).toBeNull();
    expect(acts("on the 2nd").ordinal).toBeNull();
  });

  it.each([
    ["ese día a las 5", "sameDay"],
    ["book it for that day", "sameDay"],
    ["a la misma hora", "sameTime"],
    ["same time on Friday", "sameTime"],
    ["el día siguiente", "dayAfter"],
    ["the day after", "dayAfter"],
  ] as const)("%j refers back (%s)", (reply, reference) => {
    expect(acts(reply)[reference]).toBe(true);
  });

  it("'the day after tomorrow' is a date, not a reference", () => {
    expect(acts("the day after tomorrow").dayAfter).toBe(false);
  });
});
