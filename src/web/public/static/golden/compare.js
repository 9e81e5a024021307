// @ts-check
// The golden comparison rules (shared/spec/golden-format.md): one check per field a case names, so a run can
// report exact matches and per-field accuracy from the same results. `previous` is one field: it matches
// when every part the case names (date, time, contact) does. Plain JavaScript with no dependency: the CLI
// (tools/golden) and the golden page in the browser import this one copy.
import { containsEitherWay, foldContact } from "./normalize.js";

/**
 * @typedef {"contact" | "service" | "date" | "time" | "start" | "durationMinutes" | "location" | "status"
 *   | "intent" | "previous"} ExpectedField
 * @typedef {ExpectedField | "ambiguity" | "mustFlag"} CheckedField
 * @typedef {{ date?: string | null, time?: string | null, contact?: string | null }} ExpectedPrevious
 * @typedef {{ [field in ExpectedField]?: unknown }} Expectations
 * @typedef {{ expect: Expectations, ambiguity?: string, mustFlag?: string }} Expectation
 * @typedef {{ field: string, issue: string }} AnsweredAmbiguity
 * @typedef {{ date: string | null, time: string | null, contact: string | null }} AnsweredPrevious
 * @typedef {{
 *   status: string,
 *   intent: string,
 *   previous: AnsweredPrevious | null,
 *   ambiguities: readonly AnsweredAmbiguity[],
 *   appointment: { [field: string]: unknown, location: { text: string } | null },
 * }} AnsweredFields the parts of a parse answer the rules read
 * @typedef {{ field: CheckedField, passed: boolean, expected: unknown, got: unknown }} FieldCheck
 * @typedef {{ role: "user" | "assistant", content: string }} GoldenMessage
 * @typedef {{ text?: string, messages?: GoldenMessage[], locale?: string, timezone?: string, now?: string,
 *   calendarId?: string }} GoldenRequestFields
 */

/**
 * The answer's fields a case can expect, in the order reports list them.
 * @type {readonly ExpectedField[]}
 */
export const EXPECTED_FIELDS = [
  "contact",
  "service",
  "date",
  "time",
  "start",
  "durationMinutes",
  "location",
  "status",
  "intent",
  "previous",
];

/**
 * Every field a case can check: those, then the ambiguity and the issue it must flag.
 * @type {readonly CheckedField[]}
 */
export const CHECKED_FIELDS = [...EXPECTED_FIELDS, "ambiguity", "mustFlag"];

/**
 * The fields a case checks, in a stable order.
 * @param {Expectation} expectation
 * @returns {CheckedField[]}
 */
export function checkedFields(expectation) {
  /** @type {CheckedField[]} */
  const fields = /** @type {ExpectedField[]} */ (Object.keys(expectation.expect));
  if (expectation.ambiguity !== undefined) fields.push("ambiguity");
  if (expectation.mustFlag !== undefined) fields.push("mustFlag");
  return fields;
}

/**
 * @param {Expectation} expectation
 * @param {AnsweredFields} response
 * @returns {FieldCheck[]}
 */
export function compareCase(expectation, response) {
  return checkedFields(expectation).map((field) => {
    const expected = expectedValue(expectation, field);
    const got = observed(field, response);
    return { field, expected, got, passed: matches(field, expected, got, response) };
  });
}

/**
 * A case whose request got no usable answer: every field it checks counts as missed, so per-field accuracy
 * does not skip failed requests.
 * @param {Expectation} expectation
 * @returns {FieldCheck[]}
 */
export function missedChecks(expectation) {
  return checkedFields(expectation).map((field) => ({
    field,
    passed: false,
    expected: expectedValue(expectation, field),
    got: undefined,
  }));
}

/**
 * @param {Expectation} expectation
 * @param {CheckedField} field
 * @returns {unknown}
 */
export function expectedValue(expectation, field) {
  return field === "ambiguity" || field === "mustFlag" ? expectation[field] : expectation.expect[field];
}

/**
 * @param {CheckedField} field
 * @param {AnsweredFields} response
 * @returns {unknown}
 */
function observed(field, response) {
  const { appointment, ambiguities, status } = response;
  switch (field) {
    case "status":
      return status;
    case "intent":
      return response.intent;
    case "previous":
      return response.previous;
    case "location":
      return appointment.location?.text ?? null;
    case "ambiguity":
    case "mustFlag":
      return { status, ambiguities: ambiguities.map((entry) => `${entry.field}/${entry.issue}`) };
    default:
      return appointment[field];
  }
}

/**
 * @param {CheckedField} field
 * @param {unknown} expected
 * @param {unknown} got
 * @param {AnsweredFields} response
 * @returns {boolean}
 */
function matches(field, expected, got, response) {
  if (field === "ambiguity") {
    return response.status !== "complete" && response.ambiguities.some((entry) => entry.field === expected);
  }
  if (field === "mustFlag") return response.ambiguities.some((entry) => entry.issue === expected);
  // A response without the field (a server older than the contract) matches nothing.
  if (got === undefined) return false;
  if (expected === null || got === null) return expected === got;
  if (field === "previous") {
    return samePrevious(/** @type {ExpectedPrevious} */ (expected), /** @type {AnsweredPrevious} */ (got));
  }
  if (typeof expected !== "string" || typeof got !== "string") return expected === got;
  switch (field) {
    case "contact":
      return foldContact(expected) === foldContact(got);
    case "service":
    case "location":
      return containsEitherWay(expected, got);
    case "start":
      return sameInstantAndOffset(expected, got);
    default:
      return expected === got;
  }
}

/**
 * Every part the case names matches: date and time exactly, the contact as contacts are compared.
 * @param {ExpectedPrevious} expected
 * @param {AnsweredPrevious} got
 */
function samePrevious(expected, got) {
  return /** @type {(keyof ExpectedPrevious)[]} */ (Object.keys(expected)).every((part) => {
    const want = expected[part] ?? null;
    const have = got[part];
    if (want === null || have === null) return want === have;
    return part === "contact" ? foldContact(want) === foldContact(have) : want === have;
  });
}

/**
 * True when both ISO-8601 strings name the same instant written with the same UTC offset.
 * @param {string} expected
 * @param {string} got
 * @returns {boolean}
 */
export function sameInstantAndOffset(expected, got) {
  const offset = offsetOf(expected);
  // NaN never equals NaN, so an unreadable `got` fails here too.
  return offset !== null && offset === offsetOf(got) && Date.parse(expected) === Date.parse(got);
}

/** @param {string} iso */
function offsetOf(iso) {
  const match = /T[^Z+-]*(Z|[+-]\d{2}:?\d{2})$/.exec(iso);
  if (!match) return null;
  return match[1] === "Z"
    ? "+00:00"
    : /** @type {string} */ (match[1]).replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2");
}

/**
 * The request a case sends: its text or its conversation, and only the optional keys it has.
 * @param {GoldenRequestFields} golden
 * @returns {GoldenRequestFields}
 */
export function requestFor(golden) {
  const { text, messages, locale, timezone, now, calendarId } = golden;
  return {
    ...(messages !== undefined ? { messages } : { text }),
    ...(locale !== undefined ? { locale } : {}),
    ...(timezone !== undefined ? { timezone } : {}),
    ...(now !== undefined ? { now } : {}),
    ...(calendarId !== undefined ? { calendarId } : {}),
  };
}

/**
 * One line per failed check: `field: expected X, got Y`.
 * @param {{ checks: readonly FieldCheck[] }} result
 * @returns {string[]}
 */
export function differences(result) {
  return result.checks
    .filter((check) => !check.passed)
    .map((check) => `${check.field}: expected ${show(check.expected)}, got ${show(check.got)}`);
}

/**
 * A value as reports write it: JSON, "(nothing)" when the answer had no such field.
 * @param {unknown} value
 * @returns {string}
 */
export function show(value) {
  return value === undefined ? "(nothing)" : JSON.stringify(value);
}
