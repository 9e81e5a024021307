// Duckling's instants as epoch milliseconds. Date.parse reads years 0000 to 9999 only, and Duckling writes
// years before that as they are ("-2014-01-01T00:00:00.000-02:00" for "in 2014 B.C."), so this reads both.
const DUCKLING_INSTANT =
  /^([+-]?\d{4,6})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/** The instant a value names, or null when it is not an ISO-8601 date-time with an offset. */
export function epochMilliseconds(value: string): number | null {
  const match = DUCKLING_INSTANT.exec(value);
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, fraction, zone, sign, offsetHours, offsetMinutes] = match;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0 to 99 as 1900 to 1999.
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(
    Number(hour),
    Number(minute),
    Number(second ?? 0),
    Number((fraction ?? "0").padEnd(3, "0")),
  );
  const offset =
    zone === "Z" ? 0 : (sign === "-" ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  return date.getTime() - offset * 60_000;
}
