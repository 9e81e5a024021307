// @ts-check
// Golden JSON Lines files read in the browser (shared/spec/golden-format.md): each line a case, every bad
// line reported as file:line, a repeated id refused as `npm run golden` refuses it. The browser checks a
// case's shape; what a request may hold is the service's to say (a refused one fails with its 400).

/**
 * @typedef {import("../golden/compare.js").GoldenMessage} GoldenMessage
 * @typedef {import("../golden/tally.js").FixtureProblem} FixtureProblem
 * @typedef {{ id: string, text?: string, messages?: GoldenMessage[], locale?: string, timezone?: string,
 *   now?: string, calendarId?: string, expect: import("../golden/compare.js").Expectations,
 *   tags?: string[], ambiguity?: string, mustFlag?: string, file: string, line: number }} LoadedCase
 */

import { EXPECTED_FIELDS } from "../golden/compare.js";
import { readCaseLines } from "../golden/lines.js";

const OPTIONAL_TEXTS = ["locale", "timezone", "now", "calendarId", "ambiguity", "mustFlag"];
const KEYS = new Set(["id", "text", "messages", "expect", "tags", ...OPTIONAL_TEXTS]);
/** @type {Set<string>} */
const EXPECTED = new Set(EXPECTED_FIELDS);

/**
 * @param {string} content the file's text
 * @param {string} file its name, as reports show it
 * @param {Map<string, string>} seen ids already read (in this file or an earlier one), with where
 * @returns {{ cases: LoadedCase[], problems: FixtureProblem[] }}
 */
export function readGoldenFile(content, file, seen) {
  return readCaseLines(content, file, seen, parseLine);
}

/**
 * The case, or a sentence saying why the line is not one.
 * @param {string} text
 * @returns {Omit<LoadedCase, "file" | "line"> | string}
 */
export function parseLine(text) {
  /** @type {any} */
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!isObject(value)) return "case: must be an object";
  const unknown = Object.keys(value).filter((key) => !KEYS.has(key));
  if (unknown.length > 0) return `case: unrecognized keys (${unknown.join(", ")})`;
  if (typeof value.id !== "string" || value.id === "") return "id: must be a non-empty string";
  if ((value.text === undefined) === (value.messages === undefined))
    return "text: give exactly one of text and messages";
  if (value.text !== undefined && typeof value.text !== "string") return "text: must be a string";
  if (value.messages !== undefined && !validMessages(value.messages)) {
    return "messages: must be a list of {role: user|assistant, content}";
  }
  for (const key of OPTIONAL_TEXTS) {
    if (value[key] !== undefined && typeof value[key] !== "string") return `${key}: must be a string`;
  }
  if (
    value.tags !== undefined &&
    !(Array.isArray(value.tags) && value.tags.every((tag) => typeof tag === "string" && tag !== ""))
  ) {
    return "tags: must be a list of non-empty strings";
  }
  if (!isObject(value.expect)) return "expect: must be an object";
  const unexpected = Object.keys(value.expect).filter((key) => !EXPECTED.has(key));
  if (unexpected.length > 0) return `expect: unrecognized keys (${unexpected.join(", ")})`;
  if (Object.keys(value.expect).length === 0 && value.ambiguity === undefined && !value.mustFlag) {
    return "case: the case checks nothing: give expect fields, ambiguity or mustFlag";
  }
  return /** @type {Omit<LoadedCase, "file" | "line">} */ (value);
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** @param {unknown} messages */
function validMessages(messages) {
  return (
    Array.isArray(messages) &&
    messages.every(
      (message) =>
        isObject(message) &&
        (message.role === "user" || message.role === "assistant") &&
        typeof message.content === "string" &&
        Object.keys(message).length === 2,
    )
  );
}
