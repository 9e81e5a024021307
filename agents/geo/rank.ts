// Which of several same-named places the user means, from where the user is: a place in the user's zone
// first ("Palermo" for a Buenos Aires user is the barrio), then in the user's country ("Valencia" for a
// New York user is Valencia, California), then on the user's continent, then the most populous. A place on
// another continent still wins when it is over REGION_WEIGHT times as populous: "London" for a New York
// user is London, England, not London, Ontario.

export interface PlaceHint {
  /** The user's IANA zone. */
  zone: string;
  /** The user's country (ISO 3166-1 alpha-2), when known. */
  country?: string;
}

export type Affinity = "zone" | "country" | "elsewhere";

interface Rankable {
  timezone: string;
  country: string;
  population: number;
}

/** How many times as populous a place on another continent must be to win; also what makes namesakes rivals. */
export const REGION_WEIGHT = 10;
const TIERS: Record<Affinity, number> = { zone: 2, country: 1, elsewhere: 0 };

export function affinity(place: Rankable, hint: PlaceHint): Affinity {
  if (place.timezone === hint.zone) return "zone";
  if (hint.country !== undefined && place.country === hint.country) return "country";
  return "elsewhere";
}

export function choosePlace<Place extends Rankable>(
  candidates: readonly Place[],
  hint: PlaceHint,
): Place | null {
  let best: Place | null = null;
  let bestScore: [number, number] = [-1, -1];
  for (const place of candidates) {
    const score: [number, number] = [TIERS[affinity(place, hint)], weight(place, hint)];
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      best = place;
      bestScore = score;
    }
  }
  return best;
}

function weight(place: Rankable, hint: PlaceHint): number {
  return region(place.timezone) === region(hint.zone) ? place.population * REGION_WEIGHT : place.population;
}

/** The continent part of an IANA zone: "America", "Europe", "Atlantic" (the Canaries)... */
function region(zone: string): string {
  const slash = zone.indexOf("/");
  return slash < 0 ? zone : zone.slice(0, slash);
}
