// Parsing agent, rules mode: extracts contact, service, location, duration and the date and time
// expressions from the text, deterministically. The Temporal agent resolves the expressions.
import type { Agent, Draft } from "../../src/coordinator/agent.js";
import { normalizeText } from "../../src/temporal/text.js";
import { isDayFirst } from "./rules/language.js";
import { readText } from "./rules/read.js";

export const parsingAgent: Agent = {
  name: "parsing",
  failureField: "date",
  run(context, draft): Draft {
    const text = normalizeText(context.text);
    const options = { language: draft.language, dayFirst: isDayFirst(context.locale, draft.language) };
    const reading = readText(text, options, new Date(context.now));
    if (!reading.intent) return { ...draft, intent: false };
    context.debug(
      () =>
        `expressions: ${JSON.stringify(reading.found.map((expression) => [expression.parser, expression.text]))}`,
    );
    return {
      ...draft,
      intent: true,
      contact: reading.contact,
      service: reading.service,
      location: reading.location !== null ? { text: reading.location } : null,
      durationMinutes: reading.durationMinutes,
      expressions: reading.expressions,
      certainty: Math.min(draft.certainty, ...reading.expressions.map((expression) => expression.certainty)),
    };
  },
};
