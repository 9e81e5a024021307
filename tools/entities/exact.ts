// What counts as a right answer on MASSIVE, for calibrating `confidence` (docs/confidence.md). MASSIVE
// annotates spans, not resolved values, and has no reference time, so exact dates cannot be checked; an
// answer is right when it agrees with every annotation it can be compared with:
// - contact: a gold `person` when one is read, none read when none is annotated (as `npm run entities`);
// - location: likewise against `place_name`;
// - date: a date read only when a `date` slot is annotated, or when it is the reference day itself (a time
//   alone, "tonight", "in two hours" name today, and MASSIVE leaves such a day unannotated); when one is
//   annotated and no date was read, the answer must at least flag the date as ambiguous ("this week",
//   "mondays" name no single day);
// - time: likewise against a `time` or `timeofday` slot ("tonight" is a part of the day: flagged, not read).
import type { ParseResponse } from "../../src/http/schemas/parse.js";
import { containsEitherWay } from "../golden/normalize.js";
import { type EntityCase, sameContact } from "./score.js";

type Answer = Pick<ParseResponse, "appointment" | "ambiguities">;

/** `today`: the reference day the requests are read at (YYYY-MM-DD). */
export function massiveRight(entity: EntityCase, answer: Answer, today: string): boolean {
  const { contact, location, date, time } = answer.appointment;
  const place = location?.text ?? null;
  const when = entity.when ?? { date: false, time: false };
  const flagged = (field: "date" | "time") =>
    answer.ambiguities.some((entry) => entry.field === field && entry.issue === "ambiguous");
  const agrees = (read: boolean, annotated: boolean, field: "date" | "time") =>
    read ? annotated : !annotated || flagged(field);
  return (
    (contact === null
      ? entity.persons.length === 0
      : entity.persons.some((gold) => sameContact(contact, gold))) &&
    (place === null
      ? entity.places.length === 0
      : entity.places.some((gold) => containsEitherWay(gold, place))) &&
    (date === today || agrees(date !== null, when.date, "date")) &&
    agrees(time !== null, when.time, "time")
  );
}
