// The golden comparison rules (shared/spec/golden-format.md): one check per field a case names, so the
// runner can report exact matches and per-field accuracy from the same results. `previous` is one field:
// it matches when every part the case names (date, time, contact) does.
import type { ParseResponse } from "../../src/http/schemas/parse.js";
import type { Expectations, ExpectedField, GoldenCase } from "./fixtures.js";
import { containsEitherWay, foldContact } from "./normalize.js";

/** The parts of a parse response the golden rules read. */
export type GoldenResponse = Pick<
  ParseResponse,
  "status" | "appointment" | "ambiguities" | "intent" | "previous"
>;

export type CheckedField = ExpectedField | "ambiguity" | "mustFlag";

export interface FieldCheck {
  field: CheckedField;
  passed: boolean;
  expected: unknown;
  got: unknown;
}

type Expectation = Pick<GoldenCase, "expect" | "ambiguity" | "mustFlag">;

/** The fields a case checks, in a stable order. */
export function checkedFields(expectation: Expectation): CheckedField[] {
  const fields: CheckedField[] = Object.keys(expectation.expect) as ExpectedField[];
  if (expectation.ambiguity !== undefined) fields.push("ambiguity");
  if (expectation.mustFlag !== undefined) fields.push("mustFlag");
  return fields;
}

export function compareCase(expectation: Expectation, response: GoldenResponse): FieldCheck[] {
  return checkedFields(expectation).map((field) => {
    const expected = expectedValue(expectation, field);
    const got = observed(field, response);
    return { field, expected, got, passed: matches(field, expected, got, response) };
  });
}

export function expectedValue(expectation: Expectation, field: CheckedField): unknown {
  return field === "ambiguity" || field === "mustFlag" ? expectation[field] : expectation.expect[field];
}

function observed(field: CheckedField, response: GoldenResponse): unknown {
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

function matches(field: CheckedField, expected: unknown, got: unknown, response: GoldenResponse): boolean {
  if (field === "ambiguity") {
    return response.status !== "complete" && response.ambiguities.some((entry) => entry.field === expected);
  }
  if (field === "mustFlag") return response.ambiguities.some((entry) => entry.issue === expected);
  // A response without the field (a server older than the contract) matches nothing.
  if (got === undefined) return false;
  if (expected === null || got === null) return expected === got;
  if (field === "previous") return samePrevious(expected as ExpectedPrevious, got as PreviousAppointment);
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

type ExpectedPrevious = NonNullable<Expectations["previous"]>;
type PreviousAppointment = NonNullable<ParseResponse["previous"]>;

/** Every part the case names matches: date and time exactly, the contact as contacts are compared. */
function samePrevious(expected: ExpectedPrevious, got: PreviousAppointment): boolean {
  return (Object.keys(expected) as (keyof ExpectedPrevious)[]).every((part) => {
    const want = expected[part] ?? null;
    const have = got[part];
    if (want === null || have === null) return want === have;
    return part === "contact" ? foldContact(want) === foldContact(have) : want === have;
  });
}

/** True when both ISO-8601 strings name the same instant written with the same UTC offset. */
export function sameInstantAndOffset(expected: string, got: string): boolean {
  const offset = offsetOf(expected);
  // NaN never equals NaN, so an unreadable `got` fails here too.
  return offset !== null && offset === offsetOf(got) && Date.parse(expected) === Date.parse(got);
}

function offsetOf(iso: string): string | null {
  const match = /T[^Z+-]*(Z|[+-]\d{2}:?\d{2})$/.exec(iso);
  if (!match) return null;
  return match[1] === "Z" ? "+00:00" : match[1]!.replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2");
}
