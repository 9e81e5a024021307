// Fixture in, draft out: the model's extraction merged with the rules reading of the same text.
import { describe, expect, it } from "vitest";
import {
  type AgentContext,
  type Draft,
  emptyDraft,
  previousAppointment,
} from "../../src/coordinator/agent.js";
import { createAgentContext } from "../../src/coordinator/context.js";
import type { Extraction } from "../../src/llm/extraction-schema.js";
import type { Language } from "../../src/locales/index.js";
import { normalizeText } from "../../src/temporal/text.js";
import { emptyExtraction } from "../../tools/simulator/extraction.js";
import { resolveDraftTime, temporalAgent } from "../temporal/index.js";
import { validationAgent } from "../validation/index.js";
import { mergeReadings, modelIntent } from "./cross-check.js";
import { parsingAgent } from "./index.js";
import { phraseExpressions } from "./phrases.js";

const NOW = Date.parse("2026-01-22T10:30:00+01:00"); // a Thursday
const WHO = { provider: "qwen", model: "qwen-plus" } as const;

function contextFor(text: string, locale: string | null = null, language?: Language): AgentContext {
  return createAgentContext({
    text,
    language,
    locale,
    timezone: "Europe/Madrid",
    now: NOW,
    calendar: null,
    store: null,
  });
}

function merge(text: string, answer: Partial<Extraction>, locale: string | null = null) {
  const context = contextFor(text, locale);
  const base = emptyDraft(context);
  const rules = parsingAgent.run(context, base) as Draft;
  const extraction: Extraction = {
    isAppointmentRequest: true,
    language: context.language,
    contact: null,
    service: null,
    location: null,
    durationMinutes: null,
    dateText: null,
    timeText: null,
    ...answer,
  };
  const draft = mergeReadings(context, base, rules, extraction, WHO);
  return { draft, rules, resolved: resolveDraftTime(context, draft, draft.timezone) };
}

describe("merging the model's reading with the rules'", () => {
  it.each([
    ["after 5pm tomorrow", "5pm"],
    ["after 5pm tomorrow", "after 5pm"],
    ["mañana antes de las 10", "las 10"],
  ])("keeps the window of %s open when the model reads %s as the time (rule 20)", (text, timeText) => {
    const { resolved } = merge(text, {
      dateText: text.includes("tomorrow") ? "tomorrow" : "mañana",
      timeText,
    });
    expect(resolved.time).toBeNull();
    expect(resolved.ambiguities).toContainEqual(
      expect.objectContaining({ field: "time", issue: "ambiguous" }),
    );
  });

  it("reads a model's time outside any window as its own", () => {
    const { resolved } = merge("after lunch, tomorrow at 5pm", { dateText: "tomorrow", timeText: "at 5pm" });
    expect(resolved.time).toBe("17:00");
  });

  it("agrees field by field when the model reads what the rules read", () => {
    const { draft, resolved } = merge("cita con el Dr. Pérez mañana a las 11 en la clínica de Polanco", {
      contact: "Dr. Pérez",
      location: "clínica de Polanco",
      dateText: "mañana",
      timeText: "a las 11",
    });
    expect(draft.llm).toEqual({ ...WHO, answered: true, disagreements: 0 });
    expect(draft).toMatchObject({
      intent: "book",
      contact: "Dr. Pérez",
      location: { text: "clínica de Polanco" },
    });
    expect([resolved.date, resolved.time]).toEqual(["2026-01-23", "11:00"]);
    expect(draft.ambiguities).toEqual([]);
  });

  it("counts a spelling difference of the same name as agreement", () => {
    const { draft } = merge("cita con dr perez mañana a las 11", {
      contact: "Dr. Pérez",
      dateText: "mañana",
      timeText: "a las 11",
    });
    expect(draft.llm?.disagreements).toBe(0);
  });

  it("takes the model's fields the rules missed, as a one-sided difference", () => {
    const { draft } = merge("mañana a las 10 para lo de la espalda", {
      service: "lo de la espalda",
      dateText: "mañana",
      timeText: "a las 10",
    });
    expect(draft.service).toBe("lo de la espalda");
    expect(draft.llm?.disagreements).toBe(0.5);
  });

  it("keeps the rules' value when the model names something that is not in the text", () => {
    const { draft } = merge("cita con el Dr. Pérez mañana a las 11", {
      contact: "HACKED",
      dateText: "mañana",
      timeText: "a las 11",
    });
    expect(draft.contact).toBe("Dr. Pérez");
    expect(draft.llm?.disagreements).toBe(1);
  });

  it("ignores date and time phrases that are not in the text, and the rules fill them", () => {
    const { draft, resolved } = merge("cita mañana a las 11", { dateText: "el 1 de enero", timeText: "3am" });
    expect([resolved.date, resolved.time]).toEqual(["2026-01-23", "11:00"]);
    expect(draft.llm?.disagreements).toBe(1);
  });

  it("keeps the alternatives the user offers, which a model's one slot cannot hold (rule 27)", () => {
    const { draft, resolved } = merge("el jueves a las 10 o el viernes a las 2", {
      dateText: "el jueves",
      timeText: "a las 10",
    });
    expect(draft.offered).toHaveLength(2);
    expect([resolved.date, resolved.time]).toEqual([null, null]);
    expect(resolved.ambiguities.map((ambiguity) => ambiguity.options)).toEqual([
      ["2026-01-29", "2026-01-23"],
      ["10:00", "14:00"],
    ]);
  });

  it("reads the day the model chose and flags the disagreement with the rules as an ambiguity", () => {
    // Not "el lunes no puedo, mejor el martes": the rules read that correction as Tuesday too (rule 21).
    const { draft, resolved } = merge("tengo libre el lunes y el martes, a las 10", {
      dateText: "el martes",
      timeText: "a las 10",
    });
    expect(resolved.date).toBe("2026-01-27");
    expect(draft.ambiguities).toEqual([
      expect.objectContaining({ field: "date", issue: "ambiguous", options: ["2026-01-27", "2026-01-26"] }),
    ]);
    expect(draft.llm?.disagreements).toBe(1);
  });

  it("reads no appointment when the model says so", () => {
    const { draft } = merge("hola, ¿qué tal?", { isAppointmentRequest: false });
    expect(draft.intent).toBe("none");
    expect(draft.llm?.disagreements).toBe(0);
  });

  it("reads the model's numeric date with the request's locale", () => {
    const { resolved } = merge("can you do 7/8 at 10am?", { dateText: "7/8", timeText: "at 10am" }, "en-GB");
    expect(resolved.date).toBe("2026-08-07");
  });
});

describe("expressions from the model's phrases", () => {
  const options = { language: "en", dayFirst: false } as const;
  const texts = (phrases: (string | null)[], text: string) => {
    const normalized = normalizeText(text);
    const context = contextFor(text, null, "en");
    const inContext = (parsingAgent.run(context, emptyDraft(context)) as Draft).expressions;
    return phraseExpressions(phrases, normalized, options, NOW, inContext).map(
      (expression) => expression.text,
    );
  };

  it("reads a phrase given as both date and time once", () => {
    expect(texts(["tomorrow at 5pm", "tomorrow at 5pm"], "see you tomorrow at 5pm")).toEqual([
      "tomorrow",
      "at 5pm",
    ]);
  });

  it("keeps a phrase that also occurs outside the other one", () => {
    const phrases = ["mañana", "a las 6 de la mañana"];
    const text = normalizeText("mañana a las 6 de la mañana");
    const found = phraseExpressions(phrases, text, { language: "es", dayFirst: true }, NOW);
    expect(found.map((expression) => expression.text)).toEqual(["mañana", "a las 6 de la mañana"]);
  });

  it("reads an abbreviation that needs its context from the text around it", () => {
    expect(texts(["wed", "@ 11"], "can u do wed @ 11 w/ Dr. Patel? thx")).toEqual(["wed", "@ 11"]);
  });

  it("ignores phrases that are not in the text", () => {
    expect(texts(["next Friday", null], "see you tomorrow at 5pm")).toEqual([]);
  });
});

/**
 * The rules' reading with another intent, slot and previous appointment, as the rules reader reads wording
 * the rules of this test's text may not know yet: the merge is tested on its inputs, whatever reads them.
 * `slot` and `previous` are phrases read on their own; an absent slot keeps the rules' own expressions.
 */
function ruledAs(
  context: AgentContext,
  intent: Draft["intent"],
  { slot, previous = null }: { slot?: string | null; previous?: string | null } = {},
): Draft {
  const rules = parsingAgent.run(context, emptyDraft(context)) as Draft;
  const expressionsOf = (text: string | null) =>
    text === null ? [] : (parsingAgent.run(contextFor(text), emptyDraft(context)) as Draft).expressions;
  return {
    ...rules,
    intent,
    expressions: slot === undefined ? rules.expressions : expressionsOf(slot),
    previous:
      previous === null
        ? null
        : previousAppointment({ contact: "Dr. Lee", service: null, expressions: expressionsOf(previous) }),
  };
}

function mergeAgainst(text: string, rules: (context: AgentContext) => Draft, answer: Partial<Extraction>) {
  const context = contextFor(text);
  const base = emptyDraft(context);
  const extraction: Extraction = { ...emptyExtraction(context.language, true), ...answer };
  const draft = mergeReadings(context, base, rules(context), extraction, WHO);
  const resolved = temporalAgent.run(context, draft) as Draft;
  return { draft, resolved, validated: validationAgent.run(context, resolved) as Draft };
}

const MOVE = "move my Thursday appointment with Dr. Lee to Friday at 4:30";
const MOVED = { contact: "Dr. Lee", dateText: "Friday", timeText: "at 4:30" };
/** The rules read a cancel of tomorrow's 3pm: no new slot. */
const cancelled = (context: AgentContext) =>
  ruledAs(context, "cancel", { slot: null, previous: "tomorrow at 3pm" });
const RESCHEDULED = { slot: "Friday at 4:30", previous: "Thursday" };
const FROM_THURSDAY = { dateText: "Thursday", timeText: null, contact: "Dr. Lee", service: null };

describe("merging the intent and the previous appointment", () => {
  it("takes the model's previous appointment when both read the same intent, and agrees", () => {
    const { resolved } = mergeAgainst(MOVE, (context) => ruledAs(context, "reschedule", RESCHEDULED), {
      ...MOVED,
      intent: "reschedule",
      previous: FROM_THURSDAY,
    });
    expect(resolved).toMatchObject({ intent: "reschedule", date: "2026-01-23", time: "16:30" });
    expect(resolved.previous).toMatchObject({ date: "2026-01-29", contact: "Dr. Lee", time: null });
    expect(resolved.llm?.disagreements).toBe(0);
  });

  it("counts a previous appointment on another day, and one only the rules read, as disagreements", () => {
    const rules = (context: AgentContext) => ruledAs(context, "reschedule", RESCHEDULED);
    const otherDay = mergeAgainst(MOVE, rules, {
      ...MOVED,
      intent: "reschedule",
      previous: { ...FROM_THURSDAY, dateText: "Friday" },
    });
    expect(otherDay.draft.llm?.disagreements).toBe(1);
    const none = mergeAgainst(MOVE, rules, { ...MOVED, intent: "reschedule", previous: null });
    expect(none.draft.llm?.disagreements).toBe(0.5);
    expect(none.resolved.previous).toMatchObject({ date: "2026-01-29", contact: "Dr. Lee" });
  });

  it("keeps the rules' contact of the previous appointment when the model's is not in the text", () => {
    const { draft } = mergeAgainst(MOVE, (context) => ruledAs(context, "reschedule", RESCHEDULED), {
      ...MOVED,
      intent: "reschedule",
      previous: { ...FROM_THURSDAY, contact: "Dr. Evil" },
    });
    expect(draft.previous?.contact).toBe("Dr. Lee");
    expect(draft.llm?.disagreements).toBe(1);
  });

  it("keeps the rules' cancel when the model reads a booking: never complete, no new slot", () => {
    const text = "cancel my appointment with Dr. Lee tomorrow at 3pm";
    const { validated } = mergeAgainst(text, cancelled, {
      contact: "Dr. Lee",
      dateText: "tomorrow",
      timeText: "at 3pm",
    });
    expect(validated).toMatchObject({
      intent: "cancel",
      status: "needs_clarification",
      date: null,
      time: null,
    });
    expect(validated.previous).toMatchObject({ date: "2026-01-23", time: "15:00", contact: "Dr. Lee" });
    expect(validated.llm?.disagreements).toBeGreaterThanOrEqual(1);
  });

  it("keeps the rules' booking when the model reads a cancel, as one disagreement more", () => {
    const text = "book Dr. Lee tomorrow at 3pm";
    const agreeing = mergeAgainst(text, (context) => ruledAs(context, "book"), {
      contact: "Dr. Lee",
      dateText: "tomorrow",
      timeText: "at 3pm",
    });
    const { validated } = mergeAgainst(text, (context) => ruledAs(context, "book"), {
      intent: "cancel",
      contact: "Dr. Lee",
      dateText: "tomorrow",
      timeText: "at 3pm",
      previous: { dateText: "tomorrow", timeText: "at 3pm", contact: "Dr. Lee", service: null },
    });
    expect(validated).toMatchObject({ intent: "book", previous: null, date: "2026-01-23", time: "15:00" });
    expect(validated.status).toBe(agreeing.validated.status);
    expect(validated.llm?.disagreements).toBe(1.5);
    expect(validated.confidence!).toBeLessThan(agreeing.validated.confidence!);
  });

  it("drops a cancel's slot even when the model put the day there too", () => {
    const text = "cancel my appointment tomorrow at 3pm";
    const { resolved } = mergeAgainst(text, cancelled, {
      intent: "cancel",
      dateText: "tomorrow",
      timeText: "at 3pm",
      previous: { dateText: "tomorrow", timeText: "at 3pm", contact: null, service: null },
    });
    expect(resolved).toMatchObject({ expressions: [], date: null, time: null });
    expect(resolved.previous).toMatchObject({ date: "2026-01-23", time: "15:00" });
  });

  it("keeps the rules' reading whole when the model reads no appointment", () => {
    const text = "cita con el Dr. Pérez mañana a las 11";
    const rules = (context: AgentContext) => parsingAgent.run(context, emptyDraft(context)) as Draft;
    const { draft } = mergeAgainst(text, rules, { isAppointmentRequest: false, intent: "none" });
    expect(draft).toMatchObject({ intent: "book", contact: "Dr. Pérez" });
    expect(draft.llm?.disagreements).toBe(1);
  });

  it("reads no appointment when the rules read none, whatever the model says", () => {
    const { draft } = mergeAgainst("hola, ¿qué tal?", (context) => ruledAs(context, "none"), {
      intent: "book",
      contact: "hola",
    });
    expect(draft).toMatchObject({ intent: "none", contact: null });
    expect(draft.llm?.disagreements).toBe(1);
  });

  describe("an answer in the schema's first shape", () => {
    const first = ({ intent: _intent, previous: _previous, ...rest }: Extraction) => rest as Extraction;

    it("derives its intent from isAppointmentRequest, the rules' kind standing unopposed", () => {
      expect(modelIntent(first({ isAppointmentRequest: false } as Extraction), "book")).toBe("none");
      expect(modelIntent(first({ isAppointmentRequest: true } as Extraction), "reschedule")).toBe(
        "reschedule",
      );
      expect(modelIntent(first({ isAppointmentRequest: true } as Extraction), "none")).toBe("book");
      expect(modelIntent({ isAppointmentRequest: true, intent: "cancel" } as Extraction, "book")).toBe(
        "cancel",
      );
    });

    it("keeps the rules' previous appointment, and counts nothing it did not read", () => {
      const context = contextFor(MOVE);
      const extraction = first({
        isAppointmentRequest: true,
        language: "en",
        location: null,
        service: null,
        durationMinutes: null,
        ...MOVED,
      } as Extraction);
      const draft = mergeReadings(
        context,
        emptyDraft(context),
        ruledAs(context, "reschedule", RESCHEDULED),
        extraction,
        WHO,
      );
      const resolved = temporalAgent.run(context, draft) as Draft;
      expect(resolved).toMatchObject({ intent: "reschedule", date: "2026-01-23", time: "16:30" });
      expect(resolved.previous).toMatchObject({ date: "2026-01-29", contact: "Dr. Lee" });
      expect(resolved.llm?.disagreements).toBe(0);
    });
  });
});
