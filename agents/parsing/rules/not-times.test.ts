// Rule 23: numbers of other kinds are never dates or times; real times beside them stay.
import { describe, expect, it } from "vitest";
import { extractExpressions } from "../../../src/temporal/extract.js";
import { normalizeText } from "../../../src/temporal/text.js";
import { maskNotTimes, notTimes } from "./not-times.js";

function kept(text: string): string[] {
  const masked = maskNotTimes(normalizeText(text));
  const reference = new Date("2019-03-01T18:00:00Z");
  return extractExpressions(masked, { language: "en", dayFirst: false }, reference).map(
    (found) => found.text,
  );
}

function covered(text: string): string[] {
  const normalized = normalizeText(text);
  return notTimes(normalized).map(({ from, to }) => normalized.folded.slice(from, to));
}

describe("numbers that are not times", () => {
  it.each([
    ["They are rated 4.5 and are at 2737 20th Street", "20th street"],
    ["The address is 14475 South Bascom Ave", "14475 south bascom ave"],
    ["apartment visit march 6th 1290 san tomas aquino road 3 pm", "1290 san tomas aquino road"],
    ["their phone number is 408-739-6520", "408-739-6520"],
    ["rated 4.5", "rated 4.5"],
    ["it costs $500", "$500"],
    ["Valor $35.000.", "$35.000"],
    ["son 500 pesos", "500"],
    ["llamá al +34 600 123 456", "+34 600 123 456"],
    ["call (408) 739-6520", "(408) 739-6520"],
    ["una mesa para 2 personas", "2 personas"],
    ["en Av. 9 de Julio 1500", "av. 9 de julio 1500"],
    ["How about 17 Jewels Salon in Oakland", "17 jewels salon"],
  ])("%j covers %j", (text, span) => {
    expect(covered(text).some((found) => found.includes(span))).toBe(true);
  });

  it("keeps the times and dates beside them", () => {
    expect(kept("How about 17 Jewels Salon on March 2nd at 10:30 am?")).toEqual([
      "on March 2nd",
      "at 10:30 am",
    ]);
    expect(kept("apartment visit march 6th 1290 san tomas aquino road 3 pm")).toEqual(["march 6th", "3 pm"]);
  });

  it("an ISO date, a clock time or a short number is no phone", () => {
    expect(covered("el 2026-03-05 a las 10:30")).toEqual([]);
    expect(kept("el 2026-03-05 a las 10:30")).toHaveLength(2);
  });

  it("a time before a street stays a time", () => {
    expect(kept("meet at 3 on main street")).toEqual(["at 3"]);
    expect(kept("dentist appointment tomorrow at 3 pm with Dr. Robert S. Gilbert")).toEqual([
      "tomorrow",
      "at 3 pm",
    ]);
  });
});
