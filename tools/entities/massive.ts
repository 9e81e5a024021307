// MASSIVE's calendar utterances (fixtures/massive): each line validated, reduced to the text and its gold
// `person` and `place_name` values.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { EntityCase } from "./score.js";

export const MASSIVE_FILE = fileURLToPath(
  new URL("../../fixtures/massive/en-US.calendar.train.jsonl", import.meta.url),
);

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
      return { id, utt, persons: values("person"), places: values("place_name") };
    });
}
