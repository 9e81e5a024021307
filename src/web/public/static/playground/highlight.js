// @ts-check
// The text with the spans each field was read from highlighted: a colour and an underline style per field
// (told apart without colour too, and named in a legend and a table), readings set aside struck through
// with their reason on hover and focus. Offsets are code points into the text sent (Array.from slices
// them); spans may overlap, repeat or point outside the text, and are drawn robustly: the text is cut at
// every span edge and each piece names every span covering it (data-spans, data-dropped).
import { columnHeadings, element } from "../dom.js";
import { EXPLAINED_FIELDS } from "../explained-fields.js";
import { say } from "./language.js";

/** The fields as plain strings, for asking about any field an answer names. */
const FIELDS = /** @type {readonly string[]} */ (EXPLAINED_FIELDS);

/**
 * @typedef {{ field: string, start: number, end: number, text: string, message?: number }} Span
 * @typedef {Span & { reason: string, detail: string }} DroppedSpan
 * @typedef {{ spans: Span[], dropped: DroppedSpan[], confidence: { step: string, value: number,
 *   detail: string }[] }} Explanation
 * @typedef {{ role?: string, content: string }} ShownText
 */

/** @param {string} field */
function fieldLabel(field) {
  return FIELDS.includes(field) ? say(/** @type {import("./words.js").WordKey} */ (`field.${field}`)) : field;
}

/** @param {string} field */
function fieldClass(field) {
  const index = FIELDS.indexOf(field);
  return index < 0 ? "field-other" : `field-${index}`;
}

/**
 * One block per text (a message, or each turn of a conversation), its read spans highlighted.
 * @param {readonly ShownText[]} texts
 * @param {Explanation} explanation
 */
export function highlightTexts(texts, explanation) {
  /** @param {Span} span */
  const messageOf = (span) => (texts.length === 1 ? 0 : (span.message ?? texts.length - 1));
  return element(
    "div",
    { class: "highlights" },
    ...texts.map((text, message) => {
      const spans = indexed(explanation.spans).filter(([, span]) => messageOf(span) === message);
      const dropped = indexed(explanation.dropped).filter(([, span]) => messageOf(span) === message);
      const heading =
        texts.length > 1
          ? element(
              "p",
              { class: "message-heading" },
              say("highlights.message", { n: message + 1, role: text.role ?? "" }),
            )
          : null;
      return element(
        "div",
        { class: "message", "data-message": String(message) },
        heading,
        element("p", { class: "message-text" }, ...pieces(text.content, spans, dropped)),
      );
    }),
  );
}

/**
 * @template T
 * @param {readonly T[]} list
 * @returns {[number, T][]}
 */
function indexed(list) {
  return list.map((item, index) => [index, item]);
}

/**
 * @param {string} text
 * @param {[number, Span][]} spans
 * @param {[number, DroppedSpan][]} dropped
 * @returns {(Node | string)[]}
 */
function pieces(text, spans, dropped) {
  const characters = Array.from(text);
  /** @param {Span} span */
  const inside = (span) =>
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start < span.end &&
    span.end <= characters.length;
  const read = spans.filter(([, span]) => inside(span));
  const gone = dropped.filter(([, span]) => inside(span));
  const edges = [
    ...new Set([0, characters.length, ...[...read, ...gone].flatMap(([, span]) => [span.start, span.end])]),
  ].sort((left, right) => left - right);
  /** @type {(Node | string)[]} */
  const result = [];
  for (let at = 0; at + 1 < edges.length; at++) {
    const from = /** @type {number} */ (edges[at]);
    const to = /** @type {number} */ (edges[at + 1]);
    /** @param {[number, Span]} entry */
    const covers = ([, span]) => span.start <= from && span.end >= to;
    result.push(piece(characters.slice(from, to).join(""), read.filter(covers), gone.filter(covers)));
  }
  return result;
}

/**
 * @param {string} text
 * @param {[number, Span][]} read
 * @param {[number, DroppedSpan][]} gone
 * @returns {Node | string}
 */
function piece(text, read, gone) {
  /** @type {Node | string} */
  let node = text;
  if (gone.length > 0) {
    const reasons = gone
      .map(([, span]) => `${fieldLabel(span.field)}: ${span.reason} (${span.detail})`)
      .join("; ");
    node = element(
      "s",
      {
        class: "dropped",
        tabindex: "0",
        title: reasons,
        "data-reason": reasons,
        "data-dropped": gone.map(([index]) => index).join(" "),
      },
      node,
    );
  }
  if (read.length > 0) {
    // The innermost span gives the colour; the title names every field read there.
    const innermost = [...read].sort(
      ([, left], [, right]) => left.end - left.start - (right.end - right.start),
    )[0];
    const field = innermost?.[1].field ?? "";
    node = element(
      "mark",
      {
        class: `read ${fieldClass(field)}`,
        title: read.map(([, span]) => fieldLabel(span.field)).join(", "),
        "data-spans": read.map(([index]) => index).join(" "),
        "data-fields": read.map(([, span]) => span.field).join(" "),
      },
      node,
    );
  }
  return node;
}

/**
 * The fields the explanation names, each with its colour and underline, and the mark of a reading set aside.
 * @param {Explanation} explanation
 */
export function legend(explanation) {
  const fields = EXPLAINED_FIELDS.filter((field) => explanation.spans.some((span) => span.field === field));
  return element(
    "ul",
    { class: "legend", "aria-label": say("highlights.legend") },
    ...fields.map((field) =>
      element("li", {}, element("mark", { class: `read ${fieldClass(field)}` }, fieldLabel(field))),
    ),
    explanation.dropped.length > 0
      ? element("li", {}, element("s", { class: "dropped" }, say("highlights.dropped")))
      : null,
  );
}

/**
 * Every reading as a row: field, words, where, and for one set aside, why.
 * @param {Explanation} explanation
 * @param {number} messageCount
 */
export function readingsTable(explanation, messageCount) {
  /** @param {Span} span */
  const where = (span) => {
    const range = `${span.start}–${span.end}`;
    return messageCount > 1
      ? say("readings.at", { n: (span.message ?? messageCount - 1) + 1, range })
      : range;
  };
  /**
   * @param {Span} span
   * @param {string} reason
   */
  const row = (span, reason) =>
    element(
      "tr",
      {},
      element("td", {}, element("mark", { class: `read ${fieldClass(span.field)}` }, fieldLabel(span.field))),
      element("td", {}, reason === "" ? span.text : element("s", { class: "dropped" }, span.text)),
      element("td", {}, where(span)),
      element("td", {}, reason === "" ? say("readings.kept") : reason),
    );
  return element(
    "table",
    { class: "readings" },
    element("caption", {}, say("readings.heading")),
    columnHeadings([
      say("readings.field"),
      say("readings.text"),
      say("readings.where"),
      say("readings.reason"),
    ]),
    element(
      "tbody",
      {},
      ...explanation.spans.map((span) => row(span, "")),
      ...explanation.dropped.map((span) => row(span, `${span.reason}: ${span.detail}`)),
    ),
  );
}
