// What the conversation's fold notes for an explanation (`"explain": true`, docs/explain.md): the values of
// an assistant's offer the user turned down, and the slot parts a later message replaced. The fold calls
// these only when the request asks for an explanation.
import type { ExplanationNotes } from "../explanation/notes.js";
import type { TemporalExpression } from "../temporal/types.js";
import type { Slot } from "./slot.js";
import type { OfferOption } from "./state.js";

const PARTS = ["date", "time"] as const;

/** The offer's dates and times, set aside by the user's refusal in message `at`. */
export function noteRejectedOffer(notes: ExplanationNotes, offer: readonly OfferOption[], at: number): void {
  for (const option of offer) {
    for (const part of PARTS) {
      const expression = option.slot[part];
      if (expression === null) continue;
      notes.dropped.push({
        field: part,
        expression,
        upTo: at - 1,
        reason: "rejected_offer",
        detail: "Offered by the assistant and turned down by the user.",
      });
    }
  }
}

/** Whether two slot parts say the same: a day said again ("el jueves… sí, el jueves") replaces nothing. */
function sameValue(earlier: TemporalExpression, later: TemporalExpression): boolean {
  return JSON.stringify(saidValue(earlier)) === JSON.stringify(saidValue(later));
}

/** What an expression says, apart from its words and where they stand. */
function saidValue({ date, offsetMinutes, time, partOfDay, interval }: TemporalExpression) {
  return [date, offsetMinutes, time, partOfDay, interval];
}

/** The parts of the slot so far that message `at` replaces with values of its own (C2). */
export function noteSuperseded(notes: ExplanationNotes, slot: Slot, own: Slot, at: number): void {
  for (const part of PARTS) {
    const earlier = slot[part];
    const later = own[part];
    if (earlier === null || later === null || sameValue(earlier, later)) continue;
    notes.dropped.push({
      field: part,
      expression: earlier,
      upTo: at - 1,
      reason: "superseded",
      detail: `A later message (${at}) gave another ${part}.`,
    });
  }
}
