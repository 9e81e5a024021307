// Parsing agent, rules mode: extracts contact, service, location, duration and the date and time
// expressions from the text, deterministically. The Temporal agent resolves the expressions.
import type { Agent, Draft } from "../../src/coordinator/agent.js";
import { extractExpressions } from "../../src/temporal/extract.js";
import { normalizeText } from "../../src/temporal/text.js";
import { readContact } from "./rules/contact.js";
import { asksForAppointment } from "./rules/intent.js";
import { isDayFirst, isOtherLanguage, languageScores } from "./rules/language.js";
import { readLocation } from "./rules/location.js";
import { readService } from "./rules/service.js";

export const parsingAgent: Agent = {
  name: "parsing",
  failureField: "date",
  run(context, draft): Draft {
    const text = normalizeText(context.text);
    if (isOtherLanguage(languageScores(text.folded, text.original))) return { ...draft, intent: false };
    const options = { language: draft.language, dayFirst: isDayFirst(context.locale, draft.language) };
    const found = extractExpressions(text, options, new Date(context.now));
    const expressions = found.filter((expression) => expression.durationMinutes === undefined);
    const duration = found.find((expression) => expression.durationMinutes !== undefined);
    const spans: [number, number][] = found.map((expression) => [expression.index, expression.end]);
    const inSpans = (index: number) => spans.some(([from, to]) => index >= from && index < to);

    const contact = readContact(text, inSpans);
    if (contact.span) spans.push(contact.span);
    const service = contact.role !== null ? { service: contact.role } : readService(text, inSpans);
    if (service && "span" in service) spans.push(service.span);
    const location = readLocation(text, inSpans);

    const intent = asksForAppointment(text, {
      temporal: expressions.length > 0,
      clockTime: expressions.some((expression) => expression.time !== undefined),
      place: location !== null,
      contact: contact.contact !== null,
      service: service !== null,
    });
    if (!intent) return { ...draft, intent: false };
    context.debug(
      () => `expressions: ${JSON.stringify(found.map((expression) => [expression.parser, expression.text]))}`,
    );
    return {
      ...draft,
      intent: true,
      contact: contact.contact,
      service: service?.service ?? null,
      location: location ? { text: location.location } : null,
      durationMinutes: duration?.durationMinutes ?? null,
      expressions,
      certainty: Math.min(draft.certainty, ...expressions.map((expression) => expression.certainty)),
    };
  },
};
