// The embedded gazetteer: the generated places (gazetteer-data.ts) and the curated districts and aliases
// (curated.ts). The generated rows are sorted and binary-searched in place rather than parsed into an
// index: parsing five thousand rows costs tens of milliseconds of a Worker's cold start, a lookup
// microseconds.
import { ALIASES, DISTRICTS } from "./curated.js";
import { GAZETTEER_PLACES, GAZETTEER_ZONES } from "./gazetteer-data.js";
import { placeKey } from "./place-key.js";

export interface GazetteerPlace {
  name: string;
  /** The city the place is in: itself for a town, the parent city for a district. */
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** GeoNames first-level admin code ("NY", "29"); empty for curated districts. */
  admin: string;
  lat: number;
  lon: number;
  timezone: string;
  population: number;
}

interface Curated {
  byKey: Map<string, GazetteerPlace[]>;
  zones: string[];
  zoneCountry: Map<string, string>;
}

let curated: Curated | null = null;

/** Every place known by this name (folded with placeKey): curated districts first, then the data's. */
export function placesNamed(key: string): GazetteerPlace[] {
  const { byKey, zones } = load();
  return [...(byKey.get(key) ?? []), ...generated(key, zones)];
}

/** The country with the most people in `zone`, among the places the gazetteer lists. */
export function countryOfZone(zone: string): string | undefined {
  return load().zoneCountry.get(zone);
}

function generated(key: string, zones: readonly string[]): GazetteerPlace[] {
  const places: GazetteerPlace[] = [];
  if (key === "" || key.includes("|") || key.includes("\n")) return places;
  const prefix = `${key}|`;
  // Rows are sorted, so the namesakes follow one another from the first row not before the key.
  for (let at = firstRowAtOrAfter(prefix); at < GAZETTEER_PLACES.length - 1; ) {
    const end = GAZETTEER_PLACES.indexOf("\n", at + 1);
    const row = GAZETTEER_PLACES.slice(at + 1, end);
    if (!row.startsWith(prefix)) break;
    const [, name = "", country = "", admin = "", lat, lon, zone, population] = row.split("|");
    places.push({
      name,
      city: name,
      country,
      admin,
      lat: Number(lat),
      lon: Number(lon),
      timezone: zones[Number(zone)]!,
      population: Number(population),
    });
    at = end;
  }
  return places;
}

/** Binary search on the data itself: the newline before the first row that sorts at or after `target`. */
function firstRowAtOrAfter(target: string): number {
  let low = 0;
  let high = GAZETTEER_PLACES.length - 1;
  while (low < high) {
    const start = GAZETTEER_PLACES.lastIndexOf("\n", (low + high) >>> 1);
    const end = GAZETTEER_PLACES.indexOf("\n", start + 1);
    if (GAZETTEER_PLACES.slice(start + 1, end) < target) low = end;
    else high = start;
  }
  return low;
}

function load(): Curated {
  if (curated !== null) return curated;
  const zones: string[] = [];
  const zoneCountry = new Map<string, string>();
  for (const entry of GAZETTEER_ZONES.split("|")) {
    const [zone = "", country = ""] = entry.split(":");
    zones.push(zone);
    zoneCountry.set(zone, country);
  }
  const byKey = new Map<string, GazetteerPlace[]>();
  const add = (key: string, place: GazetteerPlace) => byKey.set(key, [...(byKey.get(key) ?? []), place]);
  for (const district of DISTRICTS) add(placeKey(district.name), { ...district, admin: "" });
  for (const alias of ALIASES) {
    const key = placeKey(alias.name);
    const target = [...(byKey.get(key) ?? []), ...generated(key, zones)].find(
      (place) => place.country === alias.country,
    );
    if (target) add(placeKey(alias.alias), target);
  }
  curated = { byKey, zones, zoneCountry };
  return curated;
}
