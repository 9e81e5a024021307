// A place the user must choose (rule 25): a name found in several countries, with no zone, locale region
// or dialect cue to decide. The appointment stays in the user's zone and `ambiguities` lists each
// namesake as "Palermo, Buenos Aires, Argentina" or "Palermo, Italia", in the request's language.
import type { AgentContext, Draft } from "../../src/coordinator/agent.js";
import { type Language, localize } from "../../src/locales/index.js";
import type { Place } from "./geocoder.js";

const regionNames = new Map<Language, Intl.DisplayNames>();

function countryName(language: Language, code: string): string {
  let names = regionNames.get(language);
  if (names === undefined) {
    names = new Intl.DisplayNames([language], { type: "region" });
    regionNames.set(language, names);
  }
  return names.of(code) ?? code;
}

/** "Palermo, Buenos Aires, Argentina": the name, its city when it is a district, and the country. */
export function placeLabel(place: Place, language: Language): string {
  const parts = place.city === place.name ? [place.name] : [place.name, place.city];
  return [...parts, countryName(language, place.country)].join(", ");
}

export function ambiguous(context: AgentContext, draft: Draft, options: readonly Place[]): Draft {
  return {
    ...draft,
    ambiguities: [
      ...draft.ambiguities,
      {
        field: "location",
        issue: "ambiguous",
        message: localize(context.language, "placeAmbiguous"),
        options: options.map((place) => placeLabel(place, context.language)),
      },
    ],
  };
}
