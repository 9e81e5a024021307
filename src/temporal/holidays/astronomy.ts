// Low-precision positions of the Sun and the Moon after Meeus, "Astronomical Algorithms" (2nd ed.): the Sun
// from chapter 25 (about 0.01°), the Moon from the periodic terms of table 47.A (about 0.003°), and the
// Lahiri (Chitrapaksha) ayanamsa for sidereal longitudes. Enough to time a tithi, a nakshatra or a
// sankranti to a couple of minutes, which is what dating Hindu festivals needs. Times are epoch
// milliseconds (UTC); the series run in Terrestrial Time, reached through an approximate ΔT.

const MILLISECONDS_PER_DAY = 86_400_000;
const J2000_MILLISECONDS = Date.UTC(2000, 0, 1, 12);
const DEGREES = Math.PI / 180;

/** Degrees into [0, 360). */
export function normalizeDegrees(angle: number): number {
  return ((angle % 360) + 360) % 360;
}

/** ΔT = TT − UT in seconds: Espenak and Meeus's fit for 2005–2050, Morrison and Stephenson's parabola beyond. */
function deltaTSeconds(year: number): number {
  if (year >= 2005 && year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  const u = (year - 1820) / 100;
  return -20 + 32 * u * u;
}

/** Julian centuries of Terrestrial Time since J2000.0. */
export function julianCenturies(instant: number): number {
  const year = 2000 + (instant - J2000_MILLISECONDS) / (365.25 * MILLISECONDS_PER_DAY);
  const terrestrial = instant + deltaTSeconds(year) * 1000;
  return (terrestrial - J2000_MILLISECONDS) / (36525 * MILLISECONDS_PER_DAY);
}

/**
 * The Sun's tropical longitude with aberration but without nutation (Meeus 25.2–25.4), in degrees.
 * Nutation is left out of both luminaries: it cancels in their elongation and in sidereal longitudes.
 */
export function sunLongitude(instant: number): number {
  const t = julianCenturies(instant);
  const meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const anomaly = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * DEGREES;
  const center =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(anomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly) +
    0.000289 * Math.sin(3 * anomaly);
  return normalizeDegrees(meanLongitude + center - 0.00569);
}

// biome-ignore format: a table reads better in rows.
/** Table 47.A: multiples of D, M, M′, F and the coefficient of the sine in 1e-6 degrees. */
const MOON_LONGITUDE_TERMS: readonly (readonly [number, number, number, number, number])[] = [
  [0, 0, 1, 0, 6288774], [2, 0, -1, 0, 1274027], [2, 0, 0, 0, 658314], [0, 0, 2, 0, 213618],
  [0, 1, 0, 0, -185116], [0, 0, 0, 2, -114332], [2, 0, -2, 0, 58793], [2, -1, -1, 0, 57066],
  [2, 0, 1, 0, 53322], [2, -1, 0, 0, 45758], [0, 1, -1, 0, -40923], [1, 0, 0, 0, -34720],
  [0, 1, 1, 0, -30383], [2, 0, 0, -2, 15327], [0, 0, 1, 2, -12528], [0, 0, 1, -2, 10980],
  [4, 0, -1, 0, 10675], [0, 0, 3, 0, 10034], [4, 0, -2, 0, 8548], [2, 1, -1, 0, -7888],
  [2, 1, 0, 0, -6766], [1, 0, -1, 0, -5163], [1, 1, 0, 0, 4987], [2, -1, 1, 0, 4036],
  [2, 0, 2, 0, 3994], [4, 0, 0, 0, 3861], [2, 0, -3, 0, 3665], [0, 1, -2, 0, -2689],
  [2, 0, -1, 2, -2602], [2, -1, -2, 0, 2390], [1, 0, 1, 0, -2348], [2, -2, 0, 0, 2236],
  [0, 1, 2, 0, -2120], [0, 2, 0, 0, -2069], [2, -2, -1, 0, 2048], [2, 0, 1, -2, -1773],
  [2, 0, 0, 2, -1595], [4, -1, -1, 0, 1215], [0, 0, 2, 2, -1110], [3, 0, -1, 0, -892],
  [2, 1, 1, 0, -810], [4, -1, -2, 0, 759], [0, 2, -1, 0, -713], [2, 2, -1, 0, -700],
  [2, 1, -2, 0, 691], [2, -1, 0, -2, 596], [4, 0, 1, 0, 549], [0, 0, 4, 0, 537],
  [4, -1, 0, 0, 520], [1, 0, -2, 0, -487], [2, 1, 0, -2, -399], [0, 0, 2, -2, -381],
  [1, 1, 1, 0, 351], [3, 0, -2, 0, -340], [4, 0, -3, 0, 330], [2, -1, 2, 0, 327],
  [0, 2, 1, 0, -323], [1, 1, -1, 0, 299], [2, 0, 3, 0, 294],
];

/** The Moon's tropical longitude without nutation (Meeus 47.1–47.6 and table 47.A), in degrees. */
export function moonLongitude(instant: number): number {
  const t = julianCenturies(instant);
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  const meanLongitude = 218.3164477 + 481267.88123421 * t - 0.0015786 * t2 + t3 / 538841 - t4 / 65194000;
  const elongation = 297.8501921 + 445267.1114034 * t - 0.0018819 * t2 + t3 / 545868 - t4 / 113065000;
  const sunAnomaly = 357.5291092 + 35999.0502909 * t - 0.0001536 * t2 + t3 / 24490000;
  const moonAnomaly = 134.9633964 + 477198.8675055 * t + 0.0087414 * t2 + t3 / 69699 - t4 / 14712000;
  const latitudeArgument = 93.272095 + 483202.0175233 * t - 0.0036539 * t2 - t3 / 3526000 + t4 / 863310000;
  // The Earth's orbit grows less eccentric: terms with the Sun's anomaly shrink by E per multiple.
  const eccentricity = 1 - 0.002516 * t - 0.0000074 * t2;
  let sum = 0;
  for (const [d, m, mPrime, f, coefficient] of MOON_LONGITUDE_TERMS) {
    const argument =
      (d * elongation + m * sunAnomaly + mPrime * moonAnomaly + f * latitudeArgument) * DEGREES;
    sum += coefficient * eccentricity ** Math.abs(m) * Math.sin(argument);
  }
  const venus = (119.75 + 131.849 * t) * DEGREES;
  const jupiter = (53.09 + 479264.29 * t) * DEGREES;
  sum +=
    3958 * Math.sin(venus) +
    1962 * Math.sin((meanLongitude - latitudeArgument) * DEGREES) +
    318 * Math.sin(jupiter);
  return normalizeDegrees(meanLongitude + sum / 1e6);
}

/** The Sun's declination and the equation of time (apparent minus mean solar time, in minutes). */
export function sunEquatorial(instant: number): { declination: number; equationOfTime: number } {
  const t = julianCenturies(instant);
  const longitude = sunLongitude(instant) * DEGREES;
  const obliquity = (23.439291 - 0.0130042 * t) * DEGREES;
  const declination = Math.asin(Math.sin(obliquity) * Math.sin(longitude)) / DEGREES;
  const rightAscension = Math.atan2(Math.cos(obliquity) * Math.sin(longitude), Math.cos(longitude)) / DEGREES;
  const meanLongitude = 280.46646 + 36000.76983 * t;
  const equation = normalizeDegrees(meanLongitude - 0.0057183 - rightAscension + 180) - 180;
  return { declination, equationOfTime: equation * 4 };
}

/** The Moon's elongation from the Sun, 0 at new moon and 180 at full moon: twelve degrees a tithi. */
export function lunarPhase(instant: number): number {
  return normalizeDegrees(moonLongitude(instant) - sunLongitude(instant));
}

// Lahiri: 23°15′00.658″ on 21 March 1956, less that day's nutation, carried by the general precession.
const LAHIRI_EPOCH_CENTURIES = (Date.UTC(1956, 2, 21) - J2000_MILLISECONDS) / (36525 * MILLISECONDS_PER_DAY);
const LAHIRI_AT_EPOCH = 23.250182778 - 0.004660222;
const precessionArcseconds = (t: number) => 5028.796195 * t + 1.1054348 * t * t;

/** The Lahiri ayanamsa (mean, degrees): tropical minus sidereal longitude. About 23.857° at J2000. */
export function lahiriAyanamsa(instant: number): number {
  const t = julianCenturies(instant);
  return LAHIRI_AT_EPOCH + (precessionArcseconds(t) - precessionArcseconds(LAHIRI_EPOCH_CENTURIES)) / 3600;
}

export function siderealSunLongitude(instant: number): number {
  return normalizeDegrees(sunLongitude(instant) - lahiriAyanamsa(instant));
}

export function siderealMoonLongitude(instant: number): number {
  return normalizeDegrees(moonLongitude(instant) - lahiriAyanamsa(instant));
}

/**
 * The instant near `guess` when `angle(t)` reaches `target` (degrees, modulo 360), for an angle growing at
 * about `degreesPerDay`: Newton steps on the mean rate converge to seconds in a few rounds.
 */
export function solveAngle(
  angle: (instant: number) => number,
  target: number,
  guess: number,
  degreesPerDay: number,
): number {
  let instant = guess;
  for (let round = 0; round < 12; round++) {
    const error = normalizeDegrees(angle(instant) - target + 180) - 180;
    const step = (error / degreesPerDay) * MILLISECONDS_PER_DAY;
    instant -= step;
    if (Math.abs(step) < 1000) break;
  }
  return instant;
}
