// How well the readers find the person and the place of real requests: precision and recall of `contact`
// against MASSIVE's `person` slots and of `location` against its `place_name` slots (issue 15, item 3).
import { containsEitherWay, foldContact } from "../golden/normalize.js";

export interface EntityCase {
  id: string;
  utt: string;
  /** Gold values of the slot kind, possibly several ("with john and mary"). */
  persons: string[];
  places: string[];
  /** Whether a `date` slot, and a `time` or `timeofday` slot, are annotated (for the exact match). */
  when?: { date: boolean; time: boolean };
}

export interface EntityReading {
  contact: string | null;
  location: string | null;
}

export interface EntityFigures {
  /** Answers that named a value, and of those the ones matching a gold value. */
  predicted: number;
  correct: number;
  /** Cases with a gold value, and of those the ones found. */
  gold: number;
  found: number;
  precision: number | null;
  recall: number | null;
}

export interface EntityReport {
  cases: number;
  contact: EntityFigures;
  location: EntityFigures;
  /** Each miss and each wrong value, for reading: id, kind, what was read, what is gold. */
  errors: { id: string; utt: string; field: "contact" | "location"; got: string | null; gold: string[] }[];
}

/** A contact matches when its name words and a gold person's agree, one inside the other. */
export function sameContact(got: string, gold: string): boolean {
  const [left, right] = [foldContact(got), foldContact(gold)];
  return left !== "" && right !== "" && (left.includes(right) || right.includes(left));
}

function figures(
  pairs: readonly { got: string | null; gold: string[] }[],
  same: (a: string, b: string) => boolean,
) {
  let predicted = 0;
  let correct = 0;
  let gold = 0;
  let found = 0;
  for (const { got, gold: values } of pairs) {
    const matched = got !== null && values.some((value) => same(got, value));
    if (got !== null) predicted++;
    if (matched) correct++;
    if (values.length > 0) gold++;
    if (values.length > 0 && matched) found++;
  }
  return {
    predicted,
    correct,
    gold,
    found,
    precision: predicted === 0 ? null : correct / predicted,
    recall: gold === 0 ? null : found / gold,
  };
}

export function scoreEntities(
  cases: readonly EntityCase[],
  readings: readonly EntityReading[],
): EntityReport {
  const contacts = cases.map((entity, index) => ({ got: readings[index]!.contact, gold: entity.persons }));
  const places = cases.map((entity, index) => ({ got: readings[index]!.location, gold: entity.places }));
  const errors: EntityReport["errors"] = [];
  cases.forEach((entity, index) => {
    const { contact, location } = readings[index]!;
    if (
      contact !== null
        ? !entity.persons.some((gold) => sameContact(contact, gold))
        : entity.persons.length > 0
    )
      errors.push({ id: entity.id, utt: entity.utt, field: "contact", got: contact, gold: entity.persons });
    if (
      location !== null
        ? !entity.places.some((gold) => containsEitherWay(gold, location))
        : entity.places.length > 0
    )
      errors.push({ id: entity.id, utt: entity.utt, field: "location", got: location, gold: entity.places });
  });
  return {
    cases: cases.length,
    contact: figures(contacts, sameContact),
    location: figures(places, (got, gold) => containsEitherWay(gold, got)),
    errors,
  };
}
