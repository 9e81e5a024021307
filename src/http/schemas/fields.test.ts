// isValidInstant checked against the slow, obvious rule written with Date, on every string of the
// instant's shape (fast-check), and on the edges of leap years and month lengths.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidInstant, OFFSET_INSTANT } from "./fields.js";

/** The rule isValidInstant implements, written the slow, obvious way with Date. */
function reference(value: string): boolean {
  if (Number.isNaN(Date.parse(value))) return false;
  const [year, month, day, hour, minute] = [0, 5, 8, 11, 14].map((at, index) =>
    Number(value.slice(at, at + (index === 0 ? 4 : 2))),
  ) as [number, number, number, number, number];
  const second = value[16] === ":" ? Number(value.slice(17, 19)) : 0;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0 to 99 as 1900 to 1999.
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  const lastDay = last.getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > lastDay) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  const offset = value.endsWith("Z") ? "+00:00" : value.slice(-6);
  return Number(offset.slice(1, 3)) <= 23 && Number(offset.slice(4, 6)) <= 59;
}

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(""));

/** Strings of OFFSET_INSTANT's shape with any digits, so invalid months, days, hours and offsets appear. */
const shaped = fc
  .tuple(
    digits(4),
    digits(2),
    digits(2),
    digits(2),
    digits(2),
    fc.option(fc.tuple(digits(2), fc.option(digits(3)))),
    fc.oneof(fc.constant("Z"), fc.tuple(fc.constantFrom("+", "-"), digits(2), digits(2))),
  )
  .map(([year, month, day, hour, minute, seconds, zone]) => {
    const secondsText =
      seconds === null ? "" : `:${seconds[0]}${seconds[1] === null ? "" : `.${seconds[1]}`}`;
    const zoneText = typeof zone === "string" ? zone : `${zone[0]}${zone[1]}:${zone[2]}`;
    return `${year}-${month}-${day}T${hour}:${minute}${secondsText}${zoneText}`;
  });

describe("isValidInstant", () => {
  it("agrees with the Date-based rule on every string of the instant's shape", () => {
    fc.assert(
      fc.property(shaped, (value) => {
        expect(OFFSET_INSTANT.test(value)).toBe(true);
        expect(isValidInstant(value)).toBe(reference(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it("knows leap years and month lengths", () => {
    expect(isValidInstant("2024-02-29T10:00:00Z")).toBe(true);
    expect(isValidInstant("2026-02-29T10:00:00Z")).toBe(false);
    expect(isValidInstant("2000-02-29T10:00:00+01:00")).toBe(true);
    expect(isValidInstant("1900-02-29T10:00:00+01:00")).toBe(false);
    expect(isValidInstant("0004-02-29T10:00:00Z")).toBe(true);
    expect(isValidInstant("2026-04-31T10:00-06:00")).toBe(false);
    expect(isValidInstant("2026-12-31T23:59:59.999-06:00")).toBe(true);
    expect(isValidInstant("2026-12-31T24:00:00Z")).toBe(false);
    expect(isValidInstant("2026-06-01T10:00:00+24:00")).toBe(false);
  });
});
