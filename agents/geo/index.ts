// Geo agent: says where the appointment is. It resolves the location phrase to a place (embedded
// gazetteer first, then the deployment's geocoder if it has one) and, when the place is in another zone
// than the user's, moves the appointment there: "cita en Madrid a las 10" from Mexico City is 10:00 in
// Madrid, so the expressions are resolved again in the place's zone (conventions, rule 1).
import {
  type Agent,
  type AgentContext,
  type Ambiguity,
  aboutAppointment,
  type Draft,
  type Location,
} from "../../src/coordinator/agent.js";
import { regionOfTag } from "../../src/locales/index.js";
import { isValidZone } from "../../src/temporal/zone.js";
import { resolveDraftTime, resolvePrevious } from "../temporal/index.js";
import { dialectCountries } from "./dialect.js";
import { countryOfZone } from "./gazetteer.js";
import type { Geocoder, Place } from "./geocoder.js";
import { type Evidence, locateWithOptions } from "./locate.js";
import { ambiguous } from "./options.js";
import type { PlaceHint } from "./rank.js";

export type { Geocoder, Place } from "./geocoder.js";
export type { PlaceHint } from "./rank.js";

export function createGeoAgent(geocoder: Geocoder | null = null): Agent {
  return {
    name: "geo",
    failureField: "location",
    // Synchronous unless the gazetteer misses and a geocoder is asked.
    run(context, draft) {
      if (!aboutAppointment(draft) || draft.location === null) return draft;
      const hint = userHint(context);
      const located = locateWithOptions(draft.location.text, hint, evidence(context, hint));
      if (located !== null && "options" in located) return ambiguous(context, draft, located.options);
      const found = located?.place ?? null;
      if (found !== null || geocoder === null) return place(context, draft, found);
      return geocoder
        .geocode(draft.location.text, hint)
        .then((answer) => place(context, draft, answer ?? null));
    },
  };
}

/** The draft with its location placed, and moved to the place's zone when that differs. */
function place(context: AgentContext, draft: Draft, found: Place | null): Draft {
  if (found === null || draft.location === null || !isValidZone(found.timezone)) return draft;
  const located = { ...draft, location: withPlace(draft.location, found) };
  return found.timezone === draft.timezone ? located : moveTo(context, located, found.timezone);
}

/** The agent the full sequence runs: gazetteer only, no network. */
export const geoAgent: Agent = createGeoAgent();

function userHint(context: AgentContext): PlaceHint {
  const country = countryOfZone(context.timezone) ?? localeCountry(context.locale);
  return country === undefined ? { zone: context.timezone } : { zone: context.timezone, country };
}

/**
 * Rule 25: whether the zone says where the user is, and, when neither zone nor locale region does (a
 * request without either, read in UTC), the dialect cues of what the user wrote.
 */
function evidence(context: AgentContext, hint: PlaceHint): Evidence {
  const zoneKnown = countryOfZone(context.timezone) !== undefined;
  const cued = !zoneKnown && hint.country === undefined;
  return { zoneKnown, dialects: cued ? dialectCountries(userWords(context)) : new Map() };
}

/** The words the user wrote: the text, or every user message of a conversation. */
function userWords(context: AgentContext): readonly string[] {
  if (context.messages === null) return context.text.words;
  return context.messages
    .filter((message) => message.role === "user")
    .flatMap((message) => message.text.words);
}

/** "es-MX" → "MX"; nothing for a bare language or a region that is no country ("es-419"). */
function localeCountry(locale: string | null): string | undefined {
  const region = regionOfTag(locale);
  return region !== null && /^[A-Z]{2}$/.test(region) ? region : undefined;
}

function withPlace(location: Location, place: Place): Location {
  const { name, city, country, timezone, lat, lon } = place;
  return { text: location.text, name, city, country, timezone, lat, lon };
}

/** The appointment in `zone`: date, time, start and end again, and the temporal ambiguities of that reading. */
function moveTo(context: AgentContext, draft: Draft, zone: string): Draft {
  if (draft.failures.includes("temporal")) return { ...draft, timezone: zone };
  const before = resolveDraftTime(context, draft, draft.timezone);
  const after = resolveDraftTime(context, draft, zone);
  return {
    ...draft,
    timezone: zone,
    previous: resolvePrevious(context, draft, zone),
    date: after.date,
    time: after.time,
    start: after.start,
    end: after.end,
    ambiguities: [...withoutEach(draft.ambiguities, before.ambiguities), ...after.ambiguities],
  };
}

/** `list` less one occurrence of each of `removed` (the Temporal agent's ambiguities for the old zone). */
function withoutEach(list: readonly Ambiguity[], removed: readonly Ambiguity[]): Ambiguity[] {
  const remaining = [...list];
  for (const ambiguity of removed) {
    const at = remaining.findLastIndex(
      (candidate) =>
        candidate.field === ambiguity.field &&
        candidate.issue === ambiguity.issue &&
        candidate.message === ambiguity.message,
    );
    if (at >= 0) remaining.splice(at, 1);
  }
  return remaining;
}
