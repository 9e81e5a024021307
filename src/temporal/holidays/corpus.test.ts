// Duckling's time corpora (fixtures/duckling, copied from ../shared/data/duckling) as one sample of holiday
// names and dates: every line naming a holiday is found, and the occurrence in the year of the expected value
// is that value.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Language } from "../../locales/index.js";
import { normalizeText } from "../text.js";
import { findHolidays } from "./find-holidays.js";
import type { HolidayInstant, HolidayOccurrence } from "./holiday-definition.js";
import { holidayOccurrences } from "./occurrence.js";

interface Moment {
  value: string;
  grain: string;
  holiday?: string;
}

interface CorpusLine {
  text: string;
  expected: Moment & { type: "value" | "interval"; from?: Moment; to?: Moment };
}

function readCorpus(language: Language): CorpusLine[] {
  const url = new URL(`../../../fixtures/duckling/${language}.jsonl`, import.meta.url);
  return readFileSync(url, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as CorpusLine);
}

/** A bare name: the whole text but for a determiner before it and a year after it ("este verano"). */
const BARE = /^(?:(?:this|current|la|el|este) )?(?<name>.*?)(?: \d{4})?$/;

const wallClock = (instant: HolidayInstant) =>
  `${instant.year}-${String(instant.month).padStart(2, "0")}-${String(instant.day).padStart(2, "0")}` +
  `T${String(instant.hour ?? 0).padStart(2, "0")}:${String(instant.minute ?? 0).padStart(2, "0")}`;

/** Whether an occurrence is the expected value: same start; for a day or minute interval, same end too. */
function matches(occurrence: HolidayOccurrence, expected: CorpusLine["expected"]): boolean {
  const from = expected.type === "value" ? expected : expected.from!;
  const startsAt = wallClock(occurrence.start);
  // A value at a finer grain ("xmas at 6 pm", "morning of xmas") only has to fall on the holiday's day.
  if (from.grain === "hour" || (expected.type === "value" && expected.grain !== occurrence.grain)) {
    return startsAt.slice(0, 10) === from.value.slice(0, 10);
  }
  if (startsAt !== from.value.slice(0, 16)) return false;
  if (expected.type !== "interval" || occurrence.end === undefined) return expected.type === "value";
  // Duckling writes a closed interval's end as its last unit plus one: an exclusive end for days, and a
  // minute past the end for Earth Hour's [20:30, 21:30].
  const end = new Date(`${wallClock(occurrence.end)}:00Z`);
  if (occurrence.grain === "minute") end.setUTCMinutes(end.getUTCMinutes() + 1);
  return end.toISOString().slice(0, 16) === expected.to!.value.slice(0, 16);
}

describe("Duckling corpus holidays", () => {
  for (const language of ["en", "es"] as const) {
    it(`${language}: dates every holiday it finds as the corpus does`, () => {
      const unsupported: string[] = [];
      const wrong: string[] = [];
      let supported = 0;
      let holidayLines = 0;
      for (const line of readCorpus(language)) {
        const folded = normalizeText(line.text).folded;
        const found = findHolidays(folded, language);
        const named = line.expected.holiday ?? line.expected.from?.holiday;
        const bare =
          found.length === 1 &&
          BARE.exec(folded)?.groups?.name === folded.slice(found[0]!.index, found[0]!.end);
        if (named === undefined && !bare) continue;
        holidayLines++;
        if (found.length === 0) {
          unsupported.push(`${line.text} (${named})`);
          continue;
        }
        const expected = line.expected;
        const year = Number((expected.type === "value" ? expected.value : expected.from!.value).slice(0, 4));
        const occurrences = holidayOccurrences(found[0]!.id, year);
        if (occurrences.some((occurrence) => matches(occurrence, expected))) supported++;
        else wrong.push(`${line.text} → ${found[0]!.id}: ${JSON.stringify(occurrences)}`);
      }
      console.log(
        `${language}: ${supported}/${holidayLines} holiday lines dated as the corpus does; ` +
          `${unsupported.length} not recognised:\n  ${unsupported.join("\n  ")}`,
      );
      // Ramadan 1950: the astronomical calendar starts it on 16 June, the corpus on 17 June (Eid matches).
      // Dussehra 2018: Dashami held the afternoon of 19 October, the day India kept it; the corpus has 18.
      // Navaratri 2018 began with Pratipada at sunrise on 10 October (the corpus: 9), and Durga Puja is its
      // own festival here, Shashthi to Dashami. Buddha Purnima 2013 was 25 May in India (Purnima at
      // sunrise); Vesak, kept as Sri Lanka does, is the corpus's 24 May.
      const knownDifferences = [
        "Ramadan 1950",
        "Dussehra 2018",
        "vijayadashami in five years",
        "navaratri 2018",
        "durga puja in 2018",
        "Buddha Purnima",
      ];
      expect(wrong.map((entry) => entry.split(" →")[0])).toEqual(language === "en" ? knownDifferences : []);
      expect(supported).toBeGreaterThanOrEqual(language === "en" ? 170 : 17);
    });
  }
});
