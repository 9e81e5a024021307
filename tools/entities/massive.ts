// MASSIVE's calendar utterances (fixtures/massive): each line validated, reduced to the text and its gold
// `person` and `place_name` values, and whether a date or a time (`time`, `timeofday`) is annotated.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { EntityCase } from "./score.js";

export const MASSIVE_FILE = fileURLToPath(
  new URL("../../fixtures/massive/en-US.calendar.train.jsonl", import.meta.url),
);

/** How the requests are read: MASSIVE gives no reference time, zone or locale, so one is fixed here. */
export const MASSIVE_REQUEST = {
  locale: "en-US",
  timezone: "America/Los_Angeles",
  now: "2026-03-05T10:00:00-08:00",
  mode: "rules",
} as const;
/** The reference instant's day in its zone. */
export const MASSIVE_TODAY = "2026-03-05";

const LineSchema = z.object({
  id: z.string(),
  utt: z.string().min(1),
  slots: z.array(z.object({ slot: z.string(), value: z.string() })),
});

export function loadMassive(file = MASSIVE_FILE): EntityCase[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, index) => {
      const parsed = LineSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.issues[0]?.message}`);
      const { id, utt, slots } = parsed.data;
      const values = (kind: string) => slots.filter((slot) => slot.slot === kind).map((slot) => slot.value);
      return {
        id,
        utt,
        persons: values("person"),
        places: values("place_name"),
        when: {
          date: values("date").length > 0,
          time: [...values("time"), ...values("timeofday")].length > 0,
        },
      };
    });
}
