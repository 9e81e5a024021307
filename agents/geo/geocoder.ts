// The seam for a real geocoding service. The embedded gazetteer answers first; a deployment that wants
// streets and small towns passes a Geocoder to createGeoAgent, and it is asked only about phrases the
// gazetteer does not know. Nothing is called by default, so no request leaves the service unless the
// deployment says so.
import type { PlaceHint } from "./rank.js";

export interface Place {
  name: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** IANA zone of the place. */
  timezone: string;
  lat: number;
  lon: number;
}

export interface Geocoder {
  /** The place the phrase names, near the user when in doubt; null when it names none. */
  geocode(text: string, hint: PlaceHint): Promise<Place | null>;
}
