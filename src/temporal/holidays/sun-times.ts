// Sunrise and sunset at a place, to about a minute: the Hindu day runs from sunrise to sunrise, and a
// festival is kept on the day whose sunrise, noon, evening or midnight its tithi holds. Local days are
// counted from 1970-01-01 in the place's standard time (India has one zone, UTC+5:30, and no DST).
import { sunEquatorial } from "./astronomy.js";

export interface Place {
  latitude: number;
  /** East of Greenwich, degrees. */
  longitude: number;
  utcOffsetMinutes: number;
}

/** The place Indian almanacs and public holiday lists most often compute for. */
export const NEW_DELHI: Place = { latitude: 28.6139, longitude: 77.209, utcOffsetMinutes: 330 };

const MILLISECONDS_PER_MINUTE = 60_000;
const MILLISECONDS_PER_DAY = 86_400_000;
const DEGREES = Math.PI / 180;
/** Refraction and the solar semidiameter: the upper limb touches the horizon at −0.833°. */
const HORIZON = -0.833 * DEGREES;

/** The instant a local day begins. */
export function localMidnight(day: number, place: Place): number {
  return day * MILLISECONDS_PER_DAY - place.utcOffsetMinutes * MILLISECONDS_PER_MINUTE;
}

/** The local day an instant falls on. */
export function localDay(instant: number, place: Place): number {
  return Math.floor((instant + place.utcOffsetMinutes * MILLISECONDS_PER_MINUTE) / MILLISECONDS_PER_DAY);
}

function sunEvent(day: number, place: Place, rising: boolean): number {
  let instant = localMidnight(day, place) + (rising ? 6 : 18) * 60 * MILLISECONDS_PER_MINUTE;
  // The Sun's place at the first estimate is good enough for the second.
  for (let round = 0; round < 2; round++) {
    const { declination, equationOfTime } = sunEquatorial(instant);
    const latitude = place.latitude * DEGREES;
    const cosine =
      (Math.sin(HORIZON) - Math.sin(latitude) * Math.sin(declination * DEGREES)) /
      (Math.cos(latitude) * Math.cos(declination * DEGREES));
    const hourAngle = Math.acos(Math.min(1, Math.max(-1, cosine))) / DEGREES;
    const noonMinutes = 720 - 4 * place.longitude - equationOfTime;
    const minutes = noonMinutes + (rising ? -4 : 4) * hourAngle;
    instant = day * MILLISECONDS_PER_DAY + minutes * MILLISECONDS_PER_MINUTE;
  }
  return instant;
}

export function sunrise(day: number, place: Place): number {
  return sunEvent(day, place, true);
}

export function sunset(day: number, place: Place): number {
  return sunEvent(day, place, false);
}
