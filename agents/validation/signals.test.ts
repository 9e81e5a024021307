// Each confidence signal at its edges, on drafts as the agents leave them (docs/confidence.md).
import { describe, expect, it } from "vitest";
import { type AgentContext, type Draft, emptyDraft } from "../../src/coordinator/agent.js";
import { createAgentContext } from "../../src/coordinator/context.js";
import type { TemporalExpression } from "../../src/temporal/types.js";
import { confidenceSignals } from "./signals.js";

const NOW = Date.parse("2026-01-22T10:30:00+01:00");
const contextFor = (text: string, conversation = false): AgentContext =>
  createAgentContext({
    ...(conversation
      ? {
          messages: [
            { role: "user" as const, content: "hola" },
            { role: "user" as const, content: text },
          ],
        }
      : { text }),
    locale: "en",
    timezone: "Europe/Madrid",
    now: NOW,
    calendar: null,
    store: null,
  });

/** An expression over `phrase` where it stands in `text`. */
function at(text: string, phrase: string, fields: Partial<TemporalExpression>): TemporalExpression {
  const index = text.toLowerCase().indexOf(phrase.toLowerCase());
  if (index < 0) throw new Error(`${phrase} is not in ${text}`);
  return { parser: "test", index, end: index + phrase.length, text: phrase, certainty: 1, ...fields };
}

function signals(text: string, fields: Partial<Draft> = {}, conversation = false) {
  const context = contextFor(text, conversation);
  const draft: Draft = { ...emptyDraft(context), intent: "book", status: "needs_clarification", ...fields };
  return confidenceSignals(context, draft);
}

const TEN = "book tomorrow at 10am";
const tenAm = (text: string) => [
  at(text, "tomorrow", { date: { kind: "relative", days: 1 } as never }),
  at(text, "10am", { time: { hour: 10, minute: 0, meridiem: "am" } }),
];
const slot = { date: "2026-01-23", time: "10:00" };

describe("confidence signals", () => {
  it("complete, noDate and noTime follow the status and the fields read", () => {
    expect(signals(TEN, { ...slot, status: "complete" })).toMatchObject({
      complete: 1,
      noDate: 0,
      noTime: 0,
    });
    expect(signals(TEN, { ...slot, status: "conflict" }).complete).toBe(0);
    expect(signals(TEN, { date: "2026-01-23" })).toMatchObject({ noDate: 0, noTime: 1 });
    expect(signals(TEN, { time: "10:00" })).toMatchObject({ noDate: 1, noTime: 0 });
  });

  it("a cancel counts the fields of the appointment it names", () => {
    const previous = {
      contact: null,
      service: null,
      expressions: [],
      date: "2026-01-23",
      time: null,
      start: null,
    };
    expect(signals("cancel tomorrow's", { intent: "cancel", previous })).toMatchObject({
      noDate: 0,
      noTime: 1,
      notBooking: 1,
    });
    expect(signals(TEN, { intent: "book" }).notBooking).toBe(0);
    expect(signals(TEN, { intent: "reschedule" }).notBooking).toBe(1);
  });

  it("ambiguous counts ambiguities with issue ambiguous, at most two; invalid is the status", () => {
    const ambiguity = (field: "date" | "time", issue: "ambiguous" | "missing") => ({
      field,
      issue,
      message: "x",
    });
    expect(signals(TEN, { ambiguities: [ambiguity("time", "missing")] }).ambiguous).toBe(0);
    expect(signals(TEN, { ambiguities: [ambiguity("time", "ambiguous")] }).ambiguous).toBe(1);
    const three = [
      ambiguity("time", "ambiguous"),
      ambiguity("date", "ambiguous"),
      ambiguity("time", "ambiguous"),
    ];
    expect(signals(TEN, { ambiguities: three }).ambiguous).toBe(2);
    expect(signals(TEN, { status: "invalid" }).invalid).toBe(1);
    expect(signals(TEN, { status: "needs_clarification" }).invalid).toBe(0);
  });

  describe("unread: temporal-looking words outside what the answer used", () => {
    it("counts none when the expressions used cover them", () => {
      expect(signals(TEN, { ...slot, expressions: tenAm(TEN) }).unread).toBe(0);
    });

    it("counts a weekday, a number, a month, am/pm, a week word and a holiday left outside", () => {
      for (const extra of ["friday", "55", "march", "pm", "week", "xmas", "semana", "twelve"]) {
        const text = `${TEN} ${extra}`;
        expect(signals(text, { ...slot, expressions: tenAm(text) }).unread, extra).toBe(1);
      }
    });

    it("counts at most three, and ordinary words never", () => {
      const text = `${TEN} or friday or saturday at 3 or 4`;
      expect(signals(text, { ...slot, expressions: tenAm(text) }).unread).toBe(3);
      const plain = `${TEN} please, with my sister`;
      expect(signals(plain, { ...slot, expressions: tenAm(plain) }).unread).toBe(0);
    });

    it("counts words of a text without any expression used", () => {
      expect(signals(TEN).unread).toBe(2);
    });

    it("takes the contact, the service, the place and a duration read as read", () => {
      const text = "book tomorrow at 10am at 22 Baker Street with Dr. Mayo for 45 minutes";
      const fields = { ...slot, expressions: tenAm(text) };
      expect(signals(text, fields).unread).toBe(3);
      expect(
        signals(text, {
          ...fields,
          location: { text: "22 Baker Street" },
          contact: "Dr. Mayo",
          durationMinutes: 45,
        }).unread,
      ).toBe(0);
      // A duration's number is read only when a duration was.
      expect(
        signals(text, { ...fields, location: { text: "22 Baker Street" }, contact: "Dr. Mayo" }).unread,
      ).toBe(1);
    });

    it("ignores an expression of another message (a conversation's earlier one)", () => {
      const text = "book it at 10am";
      const elsewhere = { ...at(text, "book it", {}), text: "el 11", time: { hour: 10, minute: 0 } };
      expect(signals(text, { ...slot, expressions: [elsewhere] }, true).unread).toBe(1);
    });
  });

  describe("contradiction: a part of the day the time is not in", () => {
    const text = "quarter to 12 in the morning";
    const with_ = (time: string, partOfDay: TemporalExpression["partOfDay"]) =>
      signals(text, { time, expressions: [at(text, "in the morning", { partOfDay })] }).contradiction;
    it("morning holds 3:00 to 12:59", () => {
      expect(with_("11:45", "morning")).toBe(0);
      expect(with_("12:59", "morning")).toBe(0);
      expect(with_("13:00", "morning")).toBe(1);
      expect(with_("23:45", "morning")).toBe(1);
    });
    it("night wraps past midnight; evening starts at 16:00", () => {
      expect(with_("00:00", "night")).toBe(0);
      expect(with_("04:59", "night")).toBe(0);
      expect(with_("05:00", "night")).toBe(1);
      expect(with_("15:59", "evening")).toBe(1);
      expect(with_("16:00", "evening")).toBe(0);
    });
    it("needs both a time and a part of the day", () => {
      expect(signals(text, { time: "23:45" }).contradiction).toBe(0);
      expect(
        signals(text, { expressions: [at(text, "in the morning", { partOfDay: "morning" })] }).contradiction,
      ).toBe(0);
    });
  });

  describe("weak cues", () => {
    const text = "haircut tomorrow 10";
    const hour = (time: Partial<NonNullable<TemporalExpression["time"]>>, phrase = "10") =>
      at(text, phrase, { time: { hour: 10, minute: 0, ...time } });
    it("bareNumber: a time that is a number alone", () => {
      expect(signals(text, { time: "10:00", expressions: [hour({})] }).bareNumber).toBe(1);
      expect(
        signals(text, { time: "10:00", expressions: [hour({ meridiem: "am" }, "tomorrow 10")] }).bareNumber,
      ).toBe(0);
    });
    it("defaultClock: an hour 1–12 that only the bare-hour convention put in its half of the day", () => {
      expect(signals(text, { time: "10:00", expressions: [hour({})] }).defaultClock).toBe(1);
      expect(signals(text, { time: "10:00", expressions: [hour({ meridiem: "am" })] }).defaultClock).toBe(0);
      expect(signals(text, { time: "10:00", expressions: [hour({ clock24: true })] }).defaultClock).toBe(0);
      expect(signals(text, { time: "13:00", expressions: [hour({ hour: 13 })] }).defaultClock).toBe(0);
      expect(signals(text, { time: null, expressions: [hour({})] }).defaultClock).toBe(0);
      const morning = at(text, "tomorrow", { partOfDay: "morning" });
      expect(signals(text, { time: "10:00", expressions: [morning, hour({})] }).defaultClock).toBe(0);
    });
    it("chronoDate: a date only chrono-node found", () => {
      const chrono = at(text, "tomorrow", {
        parser: "chrono",
        certainty: 0.75,
        date: { kind: "calendar", day: 23 },
      });
      expect(signals(text, { expressions: [chrono], certainty: 0.75 })).toMatchObject({
        chronoDate: 1,
        weakCue: 0,
      });
      expect(signals(text, { expressions: [{ ...chrono, parser: "test" }] }).chronoDate).toBe(0);
    });
    it("weakCue: any other doubt the parsers recorded (an abbreviation, a reference to a mention)", () => {
      expect(signals(text, { certainty: 0.95 }).weakCue).toBe(1);
      expect(signals(text, { certainty: 0.85 }, true).weakCue).toBe(1);
      expect(signals(text, { certainty: 1 }).weakCue).toBe(0);
      // A default clock is its own signal, not counted twice.
      expect(signals(text, { time: "10:00", certainty: 0.9, expressions: [hour({})] }).weakCue).toBe(0);
    });
    it("dropped: distinct readings of a date or a time beyond the first, at most two", () => {
      const text2 = "monday tuesday wednesday at 3 at 4";
      const day = (name: string, weekday: number) =>
        at(text2, name, { date: { kind: "weekday", weekday } as never });
      const time = (phrase: string, hour: number) => at(text2, phrase, { time: { hour, minute: 0 } });
      expect(signals(text2, { expressions: [day("monday", 1)] }).dropped).toBe(0);
      expect(signals(text2, { expressions: [day("monday", 1), day("tuesday", 2)] }).dropped).toBe(1);
      // The same value read twice (an LLM's phrase and the rules' expression) is one reading.
      expect(signals(text2, { expressions: [day("monday", 1), day("monday", 1)] }).dropped).toBe(0);
      const all = [
        day("monday", 1),
        day("tuesday", 2),
        day("wednesday", 3),
        time("at 3", 3),
        time("at 4", 4),
      ];
      expect(signals(text2, { expressions: all }).dropped).toBe(2);
    });
  });

  it("place, lowerCaseName and conversation", () => {
    expect(signals(TEN, { location: { text: "Palermo" } }).place).toBe(1);
    expect(signals(TEN).place).toBe(0);
    expect(signals(TEN, { contact: "john" }).lowerCaseName).toBe(1);
    expect(signals(TEN, { contact: "John" }).lowerCaseName).toBe(0);
    expect(signals(TEN, { contact: null }).lowerCaseName).toBe(0);
    expect(signals(TEN, {}, true).conversation).toBe(1);
    expect(signals(TEN).conversation).toBe(0);
    // A one-message conversation reads as its text (C1), its confidence too.
    const one = createAgentContext({
      messages: [{ role: "user", content: TEN }],
      locale: "en",
      timezone: "Europe/Madrid",
      now: NOW,
      calendar: null,
      store: null,
    });
    expect(confidenceSignals(one, { ...emptyDraft(one), intent: "book" }).conversation).toBe(0);
  });
});
