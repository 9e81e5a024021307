// Answers of the rules reader in process, pinned to an instant and a zone, with the golden calendars
// (fixtures/calendars.json) at hand: the edge tests of rules 20, 21 and 27 read whole answers this way.
import { expect } from "vitest";
import { readConfig } from "../../src/config.js";
import type { ParseRequest, ParseResponse } from "../../src/http/schemas/parse.js";
import { parseAppointment } from "../../src/service.js";
import { type GoldenStore, openGoldenStore } from "../../tools/golden/calendars.js";

export type Pinned = Pick<ParseRequest, "now" | "timezone" | "locale">;

export interface RulesAnswers {
  /** The answer to `text` in rules mode, pinned to `pinned`; with `messages` in `extra`, to them instead. */
  answer(text: string, extra?: Partial<ParseRequest>): Promise<ParseResponse>;
  /** The slot read from `text` alone, checked to be the same as from a conversation of that one message (C1). */
  sameAsConversation(text: string): Promise<ReturnType<typeof slotOf>>;
  close(): Promise<void>;
}

export async function rulesAnswers(pinned: Pinned): Promise<RulesAnswers> {
  const calendars: GoldenStore = await openGoldenStore();
  const config = readConfig({});
  const answer: RulesAnswers["answer"] = (text, extra = {}) =>
    parseAppointment(
      { mode: "rules", ...(extra.messages ? {} : { text }), ...pinned, ...extra },
      { config, store: calendars.store, requestId: "rules-answers" },
    );
  return {
    answer,
    async sameAsConversation(text) {
      const alone = slotOf(await answer(text));
      expect(slotOf(await answer(text, { messages: [{ role: "user", content: text }] }))).toEqual(alone);
      return alone;
    },
    close: () => calendars.close(),
  };
}

/** The parts of an answer an edge test looks at. */
export function slotOf(answer: ParseResponse) {
  return {
    date: answer.appointment.date,
    time: answer.appointment.time,
    durationMinutes: answer.appointment.durationMinutes,
    status: answer.status,
    ambiguities: answer.ambiguities.map(({ field, issue, options }) => ({
      field,
      issue,
      ...(options ? { options } : {}),
    })),
  };
}
