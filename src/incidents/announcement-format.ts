// How the announcements write numbers, rates, latencies and times in each language (announcement.ts). Written
// by hand from the words file rather than with Intl: an ICU update (or workerd's ICU) must not change a
// snapshot, and Spanish groups thousands only from five digits ("1234", "12.345"), which Intl does not do.
import type { AnnouncementWords } from "./announcement-words.js";

export interface Formatter {
  count(value: number): string;
  /** A share in [0, 1] as a percentage with at most one decimal: "62.5%", "62,5 %". */
  rate(value: number): string;
  /** Two decimals: "0.86", "0,86". */
  fraction(value: number): string;
  latency(milliseconds: number): string;
  /** A difference of latencies, always signed: "+120 ms", "-30 ms". */
  extraLatency(milliseconds: number): string;
  /** "Monday 2 March 2026, 10:15 UTC"; null for a time that does not parse. */
  human(iso: string): string | null;
  /** "10:15 UTC" on `day`'s UTC date, the human form on any other; null for a time that does not parse. */
  clock(iso: string, day: string): string | null;
  duration(milliseconds: number): string;
}

export function formatter(words: AnnouncementWords): Formatter {
  const decimal = (value: number, digits: number): string => {
    const [whole = "0", fraction] = value.toFixed(digits).split(".");
    return fraction === undefined ? group(whole) : `${group(whole)}${words.decimalMark}${fraction}`;
  };
  const group = (whole: string): string => {
    const sign = whole.startsWith("-") ? "-" : "";
    const digits = sign === "" ? whole : whole.slice(1);
    if (digits.length < words.groupFrom) return whole;
    return sign + digits.replace(/\B(?=(\d{3})+$)/g, words.thousandsMark);
  };
  const oneDecimal = (value: number): string => decimal(value, Number.isInteger(value) ? 0 : 1);
  const utc = (iso: string): Date | null => {
    const time = Date.parse(iso);
    return Number.isNaN(time) ? null : new Date(time);
  };
  const hourMinute = (date: Date): string => date.toISOString().slice(11, 16);
  const human = (iso: string): string | null => {
    const date = utc(iso);
    if (date === null) return null;
    const weekday = words.weekdays[date.getUTCDay()] ?? "";
    const month = words.months[date.getUTCMonth()] ?? "";
    return words.date(weekday, date.getUTCDate(), month, date.getUTCFullYear(), hourMinute(date));
  };
  const latency = (milliseconds: number): string =>
    Math.abs(milliseconds) < 1000
      ? `${decimal(Math.round(milliseconds), 0)} ms`
      : `${oneDecimal(Math.round(milliseconds / 100) / 10)} s`;
  return {
    count: (value) => decimal(Math.round(value), 0),
    rate: (value) => `${oneDecimal(Math.round(value * 1000) / 10)}${words.percentSign}`,
    fraction: (value) => decimal(value, 2),
    latency,
    extraLatency: (milliseconds) => (milliseconds < 0 ? latency(milliseconds) : `+${latency(milliseconds)}`),
    human,
    clock: (iso, day) => {
      const date = utc(iso);
      if (date === null) return null;
      const sameDay = date.toISOString().slice(0, 10) === utc(day)?.toISOString().slice(0, 10);
      return sameDay ? `${hourMinute(date)} UTC` : human(iso);
    },
    duration: (milliseconds) => {
      const seconds = Math.max(0, Math.floor(milliseconds / 1000));
      if (seconds < 60) return `${seconds} s`;
      const minutes = Math.floor(seconds / 60);
      if (minutes < 60) return `${minutes} min`;
      return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
    },
  };
}
