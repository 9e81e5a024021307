// @ts-check
// An answer of POST /v1/appointments/parse drawn for reading: the card (each value as the answer gives it,
// "—" for none, data-field naming the answer's field), the highlighted text, the confidence steps and the
// raw JSON. Everything goes in as text.
import { byId, columnHeadings, element, replaceChildren } from "../dom.js";
import { highlightTexts, legend, readingsTable } from "./highlight.js";
import { say } from "./language.js";

/**
 * @typedef {import("./highlight.js").Explanation} Explanation
 * @typedef {import("./highlight.js").ShownText} ShownText
 * @typedef {{ field: string, issue: string, message: string, options?: unknown[] }} Ambiguity
 * @typedef {{
 *   status: string, intent: string, confidence: number,
 *   appointment: Record<string, unknown> & { location: { text: string } | null },
 *   previous: { date: string | null, time: string | null, contact: string | null, service: string | null,
 *     start: string | null } | null,
 *   ambiguities: Ambiguity[], alternatives: { start: string, end: string }[],
 *   explanation?: Explanation,
 * }} Answer
 */

/** @param {unknown} value */
export function shown(value) {
  if (value === null || value === undefined || value === "") return say("value.none");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * @param {import("./words.js").WordKey} key
 * @param {string} field
 * @param {Node | string} value
 */
function entry(key, field, value) {
  return element(
    "div",
    { class: "entry" },
    element("dt", {}, say(key)),
    element("dd", { "data-field": field }, value),
  );
}

/** @param {Answer} answer */
export function card(answer) {
  const { appointment, previous } = answer;
  const previousParts =
    [previous?.date, previous?.time, previous?.contact, previous?.service]
      .filter((part) => part != null)
      .join(" · ") || say("value.none");
  return element(
    "dl",
    { class: "card", id: "card" },
    entry("field.status", "status", answer.status),
    entry("field.intent", "intent", answer.intent),
    entry("field.date", "date", shown(appointment.date)),
    entry("field.time", "time", shown(appointment.time)),
    entry("field.start", "start", shown(appointment.start)),
    entry("field.end", "end", shown(appointment.end)),
    entry("field.durationMinutes", "durationMinutes", shown(appointment.durationMinutes)),
    entry("field.contact", "contact", shown(appointment.contact)),
    entry("field.service", "service", shown(appointment.service)),
    entry("field.location", "location", shown(appointment.location?.text)),
    entry("field.previous", "previous", previousParts),
    entry("field.confidence", "confidence", shown(answer.confidence)),
    entry("field.ambiguities", "ambiguities", ambiguities(answer.ambiguities)),
    entry("field.alternatives", "alternatives", alternatives(answer.alternatives)),
  );
}

/** @param {Ambiguity[]} list */
function ambiguities(list) {
  if (list.length === 0) return say("value.none");
  return element(
    "ul",
    {},
    ...list.map((ambiguity) =>
      element(
        "li",
        { "data-ambiguity": `${ambiguity.field}/${ambiguity.issue}` },
        element("strong", {}, `${ambiguity.field} · ${ambiguity.issue}`),
        " ",
        ambiguity.message,
        ambiguity.options?.length
          ? element(
              "ul",
              { "aria-label": say("field.options") },
              ...ambiguity.options.map((option) => element("li", {}, shown(option))),
            )
          : null,
      ),
    ),
  );
}

/** @param {{ start: string, end: string }[]} list */
function alternatives(list) {
  if (list.length === 0) return say("value.none");
  return element(
    "ul",
    {},
    ...list.map((slot) => element("li", { "data-alternative": slot.start }, `${slot.start} – ${slot.end}`)),
  );
}

/** @param {Explanation} explanation */
function confidenceTable(explanation) {
  return element(
    "table",
    { class: "steps", id: "confidence-steps" },
    columnHeadings([say("confidence.step"), say("confidence.value"), say("confidence.detail")]),
    element(
      "tbody",
      {},
      ...explanation.confidence.map((step) =>
        element(
          "tr",
          {},
          element("td", {}, step.step),
          element(
            "td",
            { title: String(step.value) },
            typeof step.value === "number" ? step.value.toFixed(3) : shown(step.value),
          ),
          element("td", {}, step.detail),
        ),
      ),
    ),
  );
}

/**
 * Fills the answer's sections of the page.
 * @param {Answer} answer
 * @param {readonly ShownText[]} texts what was sent: the message, or the conversation's turns
 */
export function showAnswer(answer, texts) {
  replaceChildren(byId("card-slot"), card(answer));
  const { explanation } = answer;
  if (explanation === undefined) {
    replaceChildren(byId("highlight-slot"), element("p", {}, say("highlights.noExplanation")));
    replaceChildren(byId("confidence-slot"));
  } else {
    replaceChildren(
      byId("highlight-slot"),
      legend(explanation),
      highlightTexts(texts, explanation),
      readingsTable(explanation, texts.length),
    );
    replaceChildren(byId("confidence-slot"), confidenceTable(explanation));
  }
  byId("raw").textContent = JSON.stringify(answer, null, 2);
  byId("answer").hidden = false;
}
