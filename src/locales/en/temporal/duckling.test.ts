// The Duckling-mode English parsers as language, not as the corpus: sentences of our own, and the fields the
// parsers read from them. Reference Wednesday 2026-06-10 10:00 in Europe/Madrid.
import { checkSync } from "recheck";
import { describe, expect, it } from "vitest";
import { extractExpressions } from "../../../temporal/extract.js";
import { normalizeText } from "../../../temporal/text.js";
import type { TemporalExpression } from "../../../temporal/types.js";
import { englishDucklingParsers, englishLatentDucklingParsers } from "./duckling.js";

const NOW = new Date("2026-06-10T08:00:00Z");

function read(text: string, latent = false): TemporalExpression[] {
  const extra = latent
    ? [...englishLatentDucklingParsers, ...englishDucklingParsers]
    : englishDucklingParsers;
  return extractExpressions(normalizeText(text), { language: "en", dayFirst: false }, NOW, extra);
}

/** The longest expression found, as the Duckling endpoint answers. */
function longest(text: string, latent = false): TemporalExpression | undefined {
  return read(text, latent).sort((a, b) => b.end - b.index - (a.end - a.index))[0];
}

describe("cycles, spans and the present", () => {
  it.each([
    ["can we talk right now?", { kind: "now" }],
    ["send it this coming month", { kind: "cycle", unit: "month", offset: 1 }],
    ["the report covers the previous qtr", { kind: "cycle", unit: "quarter", offset: -1 }],
    ["budget for the year after next", { kind: "cycle", unit: "year", offset: 2 }],
    ["we ship in the upcoming 3 months", { kind: "cycle", unit: "month", offset: 3 }],
  ])("%s", (text, date) => {
    expect(longest(text)?.date).toEqual(date);
  });

  it.each([
    ["sales over the past 6 months", { count: 6, unit: "month", direction: "past" }],
    ["I'm away the next couple of weeks", { count: 2, unit: "week", direction: "next" }],
    ["busy for the next few hours", { count: 3, unit: "hour", direction: "next" }],
  ])("%s", (text, span) => {
    expect(longest(text)?.span).toEqual(span);
  });
});

describe("shifts", () => {
  it.each([
    ["call me back in 45 minutes", { amount: 45, unit: "minute" }],
    ["the bus leaves in 1.5 hours", { amount: 90, unit: "minute" }],
    ["done in a third of an hour? no, in 1/3 hour", { amount: 20, unit: "minute" }],
    ["she moved out six months ago", { amount: -6, unit: "month" }],
    ["the lease ends 2 years hence", { amount: 2, unit: "year" }],
    ["back in 10'", { amount: 10, unit: "minute" }],
    ["we met a fortnight back", { amount: -14, unit: "day" }],
    ["in one and a half days", { amount: 36, unit: "hour" }],
  ])("%s", (text, shift) => {
    expect(longest(text)?.shift).toEqual(shift);
  });
});

describe("dates", () => {
  it.each([
    ["the second quarter of 2027 looks better", { kind: "quarter", quarter: 2, year: 2027 }],
    ["targets for Q1 2030", { kind: "quarter", quarter: 1, year: 2030 }],
    ["during November 2026", { kind: "month", month: 11, year: 2026 }],
    ["since 2021/08 we track it", { kind: "month", month: 8, year: 2021 }],
    ["built in 44 B.C.", { kind: "year", year: -44 }],
    ["the second friday of next month", { kind: "nthWeekday", ordinal: 2, weekday: 5, monthOffset: 1 }],
    ["the last sunday in august 2027", { kind: "nthWeekday", ordinal: -1, weekday: 7, month: 8, year: 2027 }],
    ["the twenty-first of june", { kind: "calendar", day: 21, month: 6, year: undefined }],
    ["june twenty-first", { kind: "calendar", day: 21, month: 6, year: undefined, weekday: undefined }],
    ["the second last day of april", { kind: "calendar", day: 29, month: 4, year: undefined }],
    ["the ides of june", { kind: "calendar", day: 13, month: 6, year: undefined }],
    ["due 5-Jan-27", { kind: "calendar", day: 5, month: 1, year: 2027 }],
    ["Sep 4, Fri", { kind: "calendar", day: 4, month: 9, year: undefined, weekday: 5 }],
    ["see you next thursday", { kind: "weekday", weekday: 4, week: "next" }],
    ["friday of this week", { kind: "weekday", weekday: 5, week: "this" }],
  ])("%s", (text, date) => {
    expect(longest(text)?.date).toEqual(date);
  });
});

describe("times", () => {
  it.each([
    ["meet at 17:00", { hour: 17, minute: 0, minuteGiven: true, clock24: true }],
    ["the train is at 8h45", { hour: 8, minute: 45, clock24: true, minuteGiven: true }],
    ["lunch 1245 pm", { hour: 12, minute: 45, minuteGiven: true, meridiem: "pm" }],
    ["at eleven forty-five a.m.", { hour: 11, minute: 45, minuteGiven: true, meridiem: "am" }],
    ["dinner 7ish pm", { hour: 7, minute: 0, meridiem: "pm" }],
    ["ten to midnight", { hour: 0, minute: 0, clock24: true, minutesBefore: 10 }],
    ["25 minutes past 6pm", { hour: 6, minute: 25, meridiem: "pm" }],
  ])("%s", (text, time) => {
    expect(longest(text)?.time).toEqual(time);
  });

  it("reads one am/pm for both ends of an hour range", () => {
    expect(longest("open 10-2pm")?.interval).toEqual({
      from: { time: { hour: 10, minute: 0, meridiem: "am" } },
      to: { time: { hour: 2, minute: 0, meridiem: "pm" } },
    });
  });
});

describe("periods", () => {
  it("reads the end of a month as its last ten days or so", () => {
    expect(longest("by late June 2027")?.interval).toEqual({
      from: { date: { kind: "calendar", day: 21, month: 6, year: 2027 } },
      to: { date: { kind: "calendar", day: 30, month: 6, year: 2027 } },
    });
  });

  it("opens an interval at a year", () => {
    expect(longest("prices since 2019")?.interval).toEqual({
      from: { date: { kind: "year", year: 2019 } },
      open: "after",
    });
  });
});

describe("latent readings", () => {
  it.each([
    ["bare hour", "8", { hour: 8, minute: 0, meridiem: undefined, minuteGiven: false }],
    ["spelled", "nine forty", { hour: 9, minute: 40, minuteGiven: true }],
  ])("%s: %s only when latent readings are asked for", (_name, text, time) => {
    expect(longest(text)?.time).toBeUndefined();
    expect(longest(text, true)?.time).toEqual(time);
  });

  it.each(englishLatentDucklingParsers.map((parser) => [parser.name, parser.pattern] as const))(
    "%s is safe from ReDoS",
    (_name, pattern) => {
      expect(checkSync(pattern.source, pattern.flags).status).toBe("safe");
    },
  );
});

describe("what is no time", () => {
  it.each([
    "the cat sat on the mat",
    "I counted three twenty times",
    "room 4a is free",
    "call 555-123-4567",
    "two sixty a m",
    "one adult and two kids",
    "may I come in?",
    "version 2.5 is out",
  ])("%s", (text) => {
    const times = read(text).filter(
      (expression) => expression.durationMinutes === undefined && expression.parser.includes("duckling"),
    );
    expect(times).toEqual([]);
  });
});
