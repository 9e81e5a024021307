// Fixture in, draft out: the model's extraction merged with the rules reading of the same text.
import { describe, expect, it } from "vitest";
import { type AgentContext, type Draft, emptyDraft } from "../../src/coordinator/agent.js";
import { createAgentContext } from "../../src/coordinator/context.js";
import type { Extraction } from "../../src/llm/extraction-schema.js";
import type { Language } from "../../src/locales/index.js";
import { normalizeText } from "../../src/temporal/text.js";
import { resolveDraftTime } from "../temporal/index.js";
import { mergeReadings } from "./cross-check.js";
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

  it("reads the day the model chose and flags the disagreement with the rules as an ambiguity", () => {
    const { draft, resolved } = merge("el lunes no puedo, mejor el martes a las 10", {
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
