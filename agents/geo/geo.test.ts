// Geo agent, fixture in and out: the request goes through the Parsing and Temporal agents as in the full
// sequence, then Geo; each case pins its reference instant and the user's zone.
import { describe, expect, it } from "vitest";
import { type Draft, emptyDraft } from "../../src/coordinator/agent.js";
import { createAgentContext } from "../../src/coordinator/context.js";
import type { Language } from "../../src/locales/index.js";
import { parsingAgent } from "../parsing/index.js";
import { temporalAgent } from "../temporal/index.js";
import { createGeoAgent, type Geocoder, geoAgent, type PlaceHint } from "./index.js";

async function located(
  text: string,
  zone: string,
  now: string,
  options: { language?: Language; locale?: string; geocoder?: Geocoder } = {},
): Promise<Draft> {
  const context = createAgentContext({
    text,
    language: options.language ?? "es",
    locale: options.locale ?? null,
    timezone: zone,
    now: Date.parse(now),
    calendar: null,
    store: null,
  });
  let draft = emptyDraft(context);
  draft = await parsingAgent.run(context, draft);
  draft = await temporalAgent.run(context, draft);
  const agent = options.geocoder ? createGeoAgent(options.geocoder) : geoAgent;
  return agent.run(context, draft);
}

describe("ambiguous names, resolved from where the user is", () => {
  it("Palermo is the Buenos Aires barrio for a Buenos Aires user", async () => {
    const draft = await located(
      "cita en Palermo mañana a las 10",
      "America/Argentina/Buenos_Aires",
      "2026-03-10T10:00:00-03:00",
    );
    expect(draft.location).toMatchObject({
      text: "Palermo",
      name: "Palermo",
      city: "Buenos Aires",
      country: "AR",
      timezone: "America/Argentina/Buenos_Aires",
    });
    expect(draft.timezone).toBe("America/Argentina/Buenos_Aires");
    expect(draft.start).toBe("2026-03-11T10:00:00-03:00");
  });

  it("Palermo is Sicily's city for a Rome user, and for another European", async () => {
    const rome = await located("cita en Palermo mañana a las 10", "Europe/Rome", "2026-03-10T10:00:00+01:00");
    expect(rome.location).toMatchObject({ name: "Palermo", city: "Palermo", country: "IT" });
    const madrid = await located(
      "cita en Palermo mañana a las 10",
      "Europe/Madrid",
      "2026-03-10T10:00:00+01:00",
    );
    expect(madrid.location).toMatchObject({ country: "IT", timezone: "Europe/Rome" });
  });

  it("Valencia is Spain's for a Madrid user and Venezuela's for a Caracas user", async () => {
    const madrid = await located(
      "cita en Valencia mañana a las 10",
      "Europe/Madrid",
      "2026-03-10T10:00:00+01:00",
    );
    expect(madrid.location).toMatchObject({ name: "Valencia", country: "ES", timezone: "Europe/Madrid" });
    expect(madrid.start).toBe("2026-03-11T10:00:00+01:00");
    const caracas = await located(
      "cita en Valencia mañana a las 10",
      "America/Caracas",
      "2026-03-10T10:00:00-04:00",
    );
    expect(caracas.location).toMatchObject({ name: "Valencia", country: "VE", timezone: "America/Caracas" });
    expect(caracas.start).toBe("2026-03-11T10:00:00-04:00");
  });

  it("London is England's for a New York user, not Ontario's", async () => {
    const draft = await located(
      "meeting in London on Friday at 2pm",
      "America/New_York",
      "2026-06-23T11:00:00-04:00",
      { language: "en" },
    );
    expect(draft.location).toMatchObject({ name: "London", country: "GB", timezone: "Europe/London" });
  });
});

describe("an appointment in another zone", () => {
  it("Madrid from Mexico City is 10:00 Madrid time, with the winter offset", async () => {
    const draft = await located(
      "Cita en Madrid el jueves a las 10",
      "America/Mexico_City",
      "2026-02-23T09:00:00-06:00",
    );
    expect(draft.location).toMatchObject({ name: "Madrid", country: "ES", timezone: "Europe/Madrid" });
    expect(draft).toMatchObject({
      timezone: "Europe/Madrid",
      date: "2026-02-26",
      time: "10:00",
      start: "2026-02-26T10:00:00+01:00",
      end: "2026-02-26T10:30:00+01:00",
    });
  });

  it("and with the summer offset after Europe's clocks change", async () => {
    const draft = await located(
      "Cita en Madrid el jueves a las 10",
      "America/Mexico_City",
      "2026-03-30T09:00:00-06:00",
    );
    expect(draft).toMatchObject({
      timezone: "Europe/Madrid",
      date: "2026-04-02",
      start: "2026-04-02T10:00:00+02:00",
    });
  });

  it("replaces the user-zone DST ambiguity with the place's reading", async () => {
    // 02:30 on 29 March does not exist in Madrid, but does in Mexico City (no DST since 2022).
    const fromMadrid = await located(
      "cita en Ciudad de México el domingo 29 de marzo a las 2:30 de la madrugada",
      "Europe/Madrid",
      "2026-03-20T10:00:00+01:00",
    );
    expect(fromMadrid.location).toMatchObject({ name: "Mexico City", timezone: "America/Mexico_City" });
    expect(fromMadrid.start).toBe("2026-03-29T02:30:00-06:00");
    expect(fromMadrid.ambiguities).toEqual([]);

    const fromMexico = await located(
      "cita en Madrid el domingo 29 de marzo a las 2:30 de la madrugada",
      "America/Mexico_City",
      "2026-03-20T10:00:00-06:00",
    );
    expect(fromMexico.start).toBeNull();
    expect(fromMexico.ambiguities).toEqual([
      expect.objectContaining({ field: "time", issue: "nonexistent_time" }),
    ]);
  });
});

describe("places inside a phrase", () => {
  it("Brooklyn clinic is in Brooklyn, New York City", async () => {
    const draft = await located(
      "checkup at the Brooklyn clinic on Friday at 2pm",
      "America/New_York",
      "2026-05-11T10:00:00-04:00",
      { language: "en" },
    );
    expect(draft.location).toEqual({
      text: "Brooklyn clinic",
      name: "Brooklyn",
      city: "New York City",
      country: "US",
      timezone: "America/New_York",
      lat: expect.any(Number),
      lon: expect.any(Number),
    });
    expect(draft.start).toBe("2026-05-15T14:00:00-04:00");
  });

  it("la clínica de Polanco is in Polanco, Mexico City", async () => {
    const draft = await located(
      "limpieza dental en la clínica de Polanco mañana a las 10",
      "America/Mexico_City",
      "2026-05-11T10:00:00-06:00",
    );
    expect(draft.location).toMatchObject({
      text: "clínica de Polanco",
      name: "Polanco",
      city: "Mexico City",
      country: "MX",
      timezone: "America/Mexico_City",
    });
    expect(draft.timezone).toBe("America/Mexico_City");
  });

  it("a lower-case town near the user is found", async () => {
    const draft = await located(
      "cita en la clinica de valencia el lunes a las 10",
      "Europe/Madrid",
      "2026-10-05T10:00:00+02:00",
    );
    expect(draft.location).toMatchObject({ name: "Valencia", country: "ES" });
  });
});

describe("places it cannot tell", () => {
  const cases: [string, string, string][] = [
    ["cita en la clínica Ruber el lunes a las 10", "Europe/Madrid", "clínica Ruber"],
    [
      "cita en el consultorio de Av. Santa Fe el lunes a las 10",
      "America/Argentina/Buenos_Aires",
      "consultorio de Av. Santa Fe",
    ],
    ["hora en la sucursal de Zzyzxville el martes a las 10", "America/Santiago", "sucursal de Zzyzxville"],
    // Lower case and far from the user: Valencia is a town, but not one this Mexico City user is near.
    ["cita en la clinica de valencia el lunes a las 10", "America/Mexico_City", "clinica de valencia"],
  ];
  it.each(cases)("%s keeps the text and adds no guess", async (text, zone, phrase) => {
    const draft = await located(text, zone, "2026-10-05T10:00:00Z");
    expect(draft.location).toEqual({ text: phrase });
    expect(draft.timezone).toBe(zone);
  });

  it("leaves a draft with no appointment or no place alone", async () => {
    const weather = await located(
      "¿Va a llover mañana en Madrid?",
      "America/Mexico_City",
      "2026-04-14T10:00:00-06:00",
    );
    expect(weather.location).toBeNull();
    expect(weather.timezone).toBe("America/Mexico_City");
    const noPlace = await located("cita mañana a las 10", "Europe/Madrid", "2026-04-14T10:00:00+02:00");
    expect(noPlace.location).toBeNull();
  });
});

describe("a deployment's geocoder", () => {
  function recordingGeocoder(): Geocoder & { asked: [string, PlaceHint][] } {
    const asked: [string, PlaceHint][] = [];
    return {
      asked,
      async geocode(text, hint) {
        asked.push([text, hint]);
        if (!text.includes("Ruber")) return null;
        return {
          name: "Clínica Ruber",
          city: "Madrid",
          country: "ES",
          timezone: "Europe/Madrid",
          lat: 40.44,
          lon: -3.69,
        };
      },
    };
  }

  it("is asked, with the user's zone and country, only about what the gazetteer does not know", async () => {
    const geocoder = recordingGeocoder();
    const ruber = await located(
      "cita en la clínica Ruber el lunes a las 10",
      "America/Mexico_City",
      "2026-10-05T10:00:00-06:00",
      {
        geocoder,
      },
    );
    expect(ruber.location).toMatchObject({ text: "clínica Ruber", name: "Clínica Ruber", city: "Madrid" });
    expect(ruber).toMatchObject({ timezone: "Europe/Madrid", start: "2026-10-12T10:00:00+02:00" });
    await located("cita en Madrid el lunes a las 10", "America/Mexico_City", "2026-10-05T10:00:00-06:00", {
      geocoder,
    });
    expect(geocoder.asked).toEqual([["clínica Ruber", { zone: "America/Mexico_City", country: "MX" }]]);
  });

  it("is ignored when it names no zone this runtime knows", async () => {
    const geocoder: Geocoder = {
      geocode: async () => ({
        name: "X",
        city: "X",
        country: "ES",
        timezone: "Mars/Olympus",
        lat: 0,
        lon: 0,
      }),
    };
    const draft = await located(
      "cita en la clínica Ruber el lunes a las 10",
      "Europe/Madrid",
      "2026-10-05T10:00:00+02:00",
      {
        geocoder,
      },
    );
    expect(draft.location).toEqual({ text: "clínica Ruber" });
  });
});
