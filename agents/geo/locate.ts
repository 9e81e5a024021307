// From a location phrase to a place in the embedded gazetteer: the first candidate name (longest first)
// that names any place, and among its namesakes the one nearest the user. A lower-case fragment of a
// lower-case phrase ("clinica de valencia") is trusted only for a place in the user's zone or country,
// so a common word that happens to be a town far away never moves the appointment.
//
// Rule 25: a name found in several countries ("Palermo", "Córdoba", "Valencia") is decided by the user's
// zone or locale region; without them, by the text's dialect cues; with no hint at all, when namesakes in
// two countries are within REGION_WEIGHT of each other's population, it is an ambiguity with each as an
// option ("London" alone is still England's: Ontario's is twenty times smaller).
import { type GazetteerPlace, placesNamed } from "./gazetteer.js";
import type { Place } from "./geocoder.js";
import { nameCandidates } from "./phrase.js";
import { affinity, choosePlace, type PlaceHint, REGION_WEIGHT } from "./rank.js";

/** What else tells where the user is (rule 25), beside the zone and country of the hint. */
export interface Evidence {
  /** Whether the zone says where the user is: false for a zone of no country (UTC, a request without one). */
  zoneKnown: boolean;
  /** The text's dialect cues per country, read when neither zone nor locale region says anything. */
  dialects: ReadonlyMap<string, number>;
}

const ZONE_ONLY: Evidence = { zoneKnown: true, dialects: new Map() };

/** A place, the namesakes the user must choose between, or nothing known. */
export type Located = { place: Place } | { options: Place[] } | null;

export function locate(phrase: string, hint: PlaceHint, evidence: Evidence = ZONE_ONLY): Place | null {
  const found = locateWithOptions(phrase, hint, evidence);
  return found !== null && "place" in found ? found.place : null;
}

export function locateWithOptions(phrase: string, hint: PlaceHint, evidence: Evidence = ZONE_ONLY): Located {
  for (const candidate of nameCandidates(phrase)) {
    const namesakes = placesNamed(candidate.key);
    if (namesakes.length === 0) continue;
    const decided = decide(namesakes, hint, evidence);
    if (decided !== null && "options" in decided) return candidate.strong ? decided : null;
    const place = decided?.place ?? null;
    if (place === null) continue;
    if (!candidate.strong && affinity(place, hint) === "elsewhere") return null;
    return { place: placeOf(place) };
  }
  return null;
}

function decide(
  namesakes: readonly GazetteerPlace[],
  hint: PlaceHint,
  evidence: Evidence,
): { place: GazetteerPlace } | { options: Place[] } | null {
  const countries = new Set(namesakes.map((place) => place.country));
  const hinted =
    evidence.zoneKnown ||
    namesakes.some((place) => hint.country !== undefined && place.country === hint.country);
  if (countries.size === 1 || hinted) return wrap(choosePlace(namesakes, hint));
  const cued = byCues(namesakes, evidence.dialects);
  if (cued !== null) return { place: cued };
  const largest = Math.max(...namesakes.map((place) => place.population));
  const rivals = bestPerCountry(namesakes.filter((place) => place.population * REGION_WEIGHT >= largest));
  return rivals.length > 1 ? { options: rivals.map(placeOf) } : wrap(choosePlace(namesakes, hint));
}

function wrap(place: GazetteerPlace | null): { place: GazetteerPlace } | null {
  return place === null ? null : { place };
}

/** The namesake in the country with the most dialect cues (then the most populous); null when none is cued. */
function byCues(
  namesakes: readonly GazetteerPlace[],
  dialects: ReadonlyMap<string, number>,
): GazetteerPlace | null {
  let best: GazetteerPlace | null = null;
  let bestScore = [0, 0];
  for (const place of namesakes) {
    const score = [dialects.get(place.country) ?? 0, place.population];
    if (
      score[0]! > bestScore[0]! ||
      (score[0] === bestScore[0] && score[0]! > 0 && score[1]! > bestScore[1]!)
    ) {
      best = place;
      bestScore = score;
    }
  }
  return best;
}

/** The most populous namesake of each country, most populous first. */
function bestPerCountry(places: readonly GazetteerPlace[]): GazetteerPlace[] {
  const best = new Map<string, GazetteerPlace>();
  for (const place of places) {
    const current = best.get(place.country);
    if (current === undefined || place.population > current.population) best.set(place.country, place);
  }
  return [...best.values()].sort((a, b) => b.population - a.population);
}

function placeOf(place: GazetteerPlace): Place {
  const { name, city, country, timezone, lat, lon } = place;
  return { name, city, country, timezone, lat, lon };
}
