// The Hindu lunisolar calendar as almanacs (panchangas) compute it, from true positions of the Sun and the
// Moon with the Lahiri ayanamsa. A tithi is a twelfth-degree step of the Moon's elongation (1-15 the bright
// half, 16-30 the dark half, 30 ending at new moon); a lunar month runs from new moon to new moon (amanta)
// and takes its name from the sidereal sign the Sun is in when it begins (Sun in Pisces: Chaitra); a month
// in which the Sun enters no sign is adhika (leap) and repeats the next one's name. Purnimanta months, used
// in the north, name each dark half after the following month: purnimanta Kartika's dark half is amanta
// Ashvin's, so festivals here are all given in amanta months. A solar month begins at a sankranti, the
// Sun's sidereal ingress into a sign.
import {
  lunarPhase,
  normalizeDegrees,
  siderealMoonLongitude,
  siderealSunLongitude,
  solveAngle,
} from "./astronomy.js";
import { localDay, NEW_DELHI, type Place, sunrise, sunset } from "./sun-times.js";

// The lunar months holidays fall in, by number (Chaitra is the first; Jyeshtha, 3, and Margashirsha, 9,
// hold none of the holidays read here).
export const CHAITRA = 1;
export const VAISHAKHA = 2;
export const ASHADHA = 4;
export const SHRAVANA = 5;
export const BHADRAPADA = 6;
export const ASHVIN = 7;
export const KARTIKA = 8;
export const PAUSHA = 10;
export const MAGHA = 11;
export const PHALGUNA = 12;

export const PURNIMA = 15;
export const AMAVASYA = 30;

export interface LunarMonth {
  /** Amanta month, 1 (Chaitra) to 12 (Phalguna). */
  month: number;
  /** Adhika: no sankranti between its new moons; festivals are kept in the regular month after it. */
  leap: boolean;
  /** The new moons that begin and end it (epoch milliseconds). */
  start: number;
  end: number;
}

const MILLISECONDS_PER_DAY = 86_400_000;
const SYNODIC_MONTH_DAYS = 29.530588861;
/** The mean new moon of 6 January 2000, 18:14 UTC (Meeus 49.1, k = 0). */
const MEAN_NEW_MOON_2000 = Date.UTC(2000, 0, 6, 18, 14);
/** Mean daily motions, for the Newton steps. */
const PHASE_PER_DAY = 360 / SYNODIC_MONTH_DAYS;
const SUN_PER_DAY = 0.9856;
const MOON_PER_DAY = 13.176;
const NAKSHATRA_DEGREES = 360 / 27;

/** The new moon nearest the instant. */
function newMoonNear(instant: number): number {
  const lunations = Math.round((instant - MEAN_NEW_MOON_2000) / (SYNODIC_MONTH_DAYS * MILLISECONDS_PER_DAY));
  const mean = MEAN_NEW_MOON_2000 + lunations * SYNODIC_MONTH_DAYS * MILLISECONDS_PER_DAY;
  return solveAngle(lunarPhase, 0, mean, PHASE_PER_DAY);
}

const sign = (instant: number) => Math.floor(siderealSunLongitude(instant) / 30);

const MAX_CACHED_YEARS = 64;
const monthsByYear = new Map<number, readonly LunarMonth[]>();

/** The lunar months that overlap a Gregorian year (UTC), in order. */
export function lunarMonths(year: number): readonly LunarMonth[] {
  const cached = monthsByYear.get(year);
  if (cached !== undefined) return cached;
  const first = Date.UTC(year, 0, 1);
  const last = Date.UTC(year + 1, 0, 1);
  const newMoons: number[] = [newMoonNear(first - 20 * MILLISECONDS_PER_DAY)];
  while (newMoons.at(-1)! < last) {
    newMoons.push(newMoonNear(newMoons.at(-1)! + SYNODIC_MONTH_DAYS * MILLISECONDS_PER_DAY));
  }
  // One more, to tell whether the last month is adhika.
  newMoons.push(newMoonNear(newMoons.at(-1)! + SYNODIC_MONTH_DAYS * MILLISECONDS_PER_DAY));
  const months: LunarMonth[] = [];
  for (let index = 0; index + 2 < newMoons.length; index++) {
    const start = newMoons[index]!;
    const end = newMoons[index + 1]!;
    if (end <= first) continue;
    const startSign = sign(start);
    months.push({ month: ((startSign + 1) % 12) + 1, leap: sign(end) === startSign, start, end });
  }
  if (monthsByYear.size >= MAX_CACHED_YEARS) monthsByYear.clear();
  monthsByYear.set(year, months);
  return months;
}

/** The instants a tithi (1-30) of a lunar month begins and ends. */
export function tithiSpan(month: LunarMonth, tithi: number): [start: number, end: number] {
  const at = (degrees: number, edge: number) =>
    degrees % 360 === 0
      ? edge
      : solveAngle(
          lunarPhase,
          degrees,
          month.start + (degrees / PHASE_PER_DAY) * MILLISECONDS_PER_DAY,
          PHASE_PER_DAY,
        );
  return [at((tithi - 1) * 12, month.start), at(tithi * 12, month.end)];
}

/** The tithi (1-30) current at an instant. */
export function tithiAt(instant: number): number {
  return Math.floor(lunarPhase(instant) / 12) + 1;
}

/** The nakshatra (1-27, Ashvini to Revati) the Moon is in at an instant. */
export function nakshatraAt(instant: number): number {
  return Math.floor(siderealMoonLongitude(instant) / NAKSHATRA_DEGREES) + 1;
}

/** The first span of a nakshatra (1-27) that ends after an instant. */
export function nakshatraSpanAfter(nakshatra: number, instant: number): [start: number, end: number] {
  const from = (nakshatra - 1) * NAKSHATRA_DEGREES;
  const ahead = normalizeDegrees(from + NAKSHATRA_DEGREES - siderealMoonLongitude(instant));
  const end = solveAngle(
    siderealMoonLongitude,
    from + NAKSHATRA_DEGREES,
    instant + (ahead / MOON_PER_DAY) * MILLISECONDS_PER_DAY,
    MOON_PER_DAY,
  );
  const start = solveAngle(siderealMoonLongitude, from, end - MILLISECONDS_PER_DAY, MOON_PER_DAY);
  return [start, end];
}

/** The instant the Sun enters a sidereal sign (0 Aries ... 11 Pisces) in a Gregorian year (UTC). */
export function sankranti(year: number, zodiacSign: number): number {
  const first = Date.UTC(year, 0, 1);
  const ahead = normalizeDegrees(zodiacSign * 30 - siderealSunLongitude(first));
  return solveAngle(
    siderealSunLongitude,
    zodiacSign * 30,
    first + (ahead / SUN_PER_DAY) * MILLISECONDS_PER_DAY,
    SUN_PER_DAY,
  );
}

/**
 * The part of a Hindu day (sunrise to sunrise) whose tithi decides a festival's day: sunrise for most
 * (udaya tithi); six nazhikas (2 h 24 min) after sunrise, the morning a Kerala nakshatra must fill; midday (madhyahna) for Rama Navami and Ganesh Chaturthi; afternoon (aparahna) for
 * Vijayadashami and Raksha Bandhan; evening (pradosh, the first 2 h 24 min after sunset) for Diwali; the
 * rise of the waning Moon for Karva Chauth; midnight (nishita) for Janmashtami and Shivaratri.
 */
export type DayMoment = "sunrise" | "morning" | "midday" | "afternoon" | "evening" | "moonrise" | "midnight";

const HOUR = 3_600_000;

/** The instant of a moment of a local day at a place, each taken at the middle of its period. */
export function momentOf(day: number, moment: DayMoment, place: Place = NEW_DELHI): number {
  switch (moment) {
    case "sunrise":
      return sunrise(day, place);
    case "morning":
      return sunrise(day, place) + 2.4 * HOUR;
    case "midday":
    case "afternoon": {
      // The day in fifths: madhyahna is the third, aparahna the fourth.
      const rise = sunrise(day, place);
      return rise + (sunset(day, place) - rise) * (moment === "midday" ? 0.5 : 0.7);
    }
    case "evening":
      return sunset(day, place) + 1.2 * HOUR;
    case "moonrise":
      // The Moon of the fourth waning day rises some two and a half hours after sunset.
      return sunset(day, place) + 2.5 * HOUR;
    case "midnight":
      return (sunset(day, place) + sunrise(day + 1, place)) / 2;
  }
}

/** The Hindu day (sunrise to sunrise) an instant falls in, named by the civil day it starts on. */
export function hinduDay(instant: number, place: Place = NEW_DELHI): number {
  const day = localDay(instant, place);
  return instant < sunrise(day, place) ? day - 1 : day;
}

/**
 * The day on which something spanning [start, end) is kept when it must hold at a moment of the day: the
 * first day whose moment falls inside the span; when none does (a tithi is shorter than a day and can
 * fall between two), the Hindu day that holds the middle of the span.
 */
export function observanceDay(
  start: number,
  end: number,
  moment: DayMoment,
  place: Place = NEW_DELHI,
): number {
  let day = localDay(start, place);
  while (momentOf(day, moment, place) >= start) day--;
  while (momentOf(day + 1, moment, place) < start) day++;
  return momentOf(day + 1, moment, place) < end ? day + 1 : hinduDay((start + end) / 2, place);
}

/**
 * The first day whose forenoon (purvahna, taken as the first two fifths of daytime) the span touches: the
 * rule of Vasant Panchami and Akshaya Tritiya, which prefer the earlier day when both forenoons have it.
 */
export function forenoonDay(start: number, end: number, place: Place = NEW_DELHI): number {
  for (let day = localDay(start, place) - 1; day <= localDay(end, place); day++) {
    const rise = sunrise(day, place);
    const forenoonEnd = rise + (sunset(day, place) - rise) * 0.4;
    if (start < forenoonEnd && end > rise) return day;
  }
  // A short tithi of a winter month can slip between two forenoons.
  return hinduDay((start + end) / 2, place);
}

/** How a region starts a solar month from its sankranti. */
export type SolarMonthRule =
  /** Punjab and Odisha: the Hindu day (sunrise to sunrise) of the sankranti. */
  | "same-day"
  /** Tamil Nadu: that day if the sankranti comes before sunset, else the next. */
  | "before-sunset"
  /** Kerala: that day if it comes in the first three fifths of daytime, else the next. */
  | "before-afternoon"
  /** Bengal: the next day, or the one after if it comes after midnight: always the civil day after it. */
  | "next-day";

/** The local day a solar month begins, by a region's rule. */
export function solarMonthStart(ingress: number, rule: SolarMonthRule, place: Place = NEW_DELHI): number {
  const day = localDay(ingress, place);
  switch (rule) {
    case "same-day":
      return hinduDay(ingress, place);
    case "next-day":
      return day + 1;
    case "before-sunset":
      return ingress < sunset(day, place) ? day : day + 1;
    case "before-afternoon": {
      const rise = sunrise(day, place);
      return ingress < rise + (sunset(day, place) - rise) * 0.6 ? day : day + 1;
    }
  }
}
