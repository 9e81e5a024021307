// From a location phrase to a place in the embedded gazetteer: the first candidate name (longest first)
// that names any place, and among its namesakes the one nearest the user. A lower-case fragment of a
// lower-case phrase ("clinica de valencia") is trusted only for a place in the user's zone or country,
// so a common word that happens to be a town far away never moves the appointment.

import { placesNamed } from "./gazetteer.js";
import type { Place } from "./geocoder.js";
import { nameCandidates } from "./phrase.js";
import { affinity, choosePlace, type PlaceHint } from "./rank.js";

export function locate(phrase: string, hint: PlaceHint): Place | null {
  for (const candidate of nameCandidates(phrase)) {
    const place = choosePlace(placesNamed(candidate.key), hint);
    if (place === null) continue;
    if (!candidate.strong && affinity(place, hint) === "elsewhere") return null;
    const { name, city, country, timezone, lat, lon } = place;
    return { name, city, country, timezone, lat, lon };
  }
  return null;
}
