// Rule 25 at its edges, through the whole service as a request arrives: a place found in several countries
// is decided by the request's zone, else its locale region, else the dialect of the text, else it is an
// ambiguity with each namesake as an option and the appointment stays in the user's zone.
import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.js";
import type { ParseRequest } from "../../src/http/schemas/parse.js";
import { parseAppointment } from "../../src/service.js";
import { dialectCountries } from "./dialect.js";

const config = readConfig({});
// A Thursday; "el lunes" is 9 March 2026.
const NOW = "2026-03-05T10:00:00Z";

async function parse(text: string, request: Partial<ParseRequest> = {}) {
  return parseAppointment({ text, now: NOW, mode: "rules", ...request }, { config, requestId: "rule-25" });
}

describe("Palermo, in Buenos Aires and in Sicily", () => {
  it("is the Buenos Aires barrio for an Argentine zone", async () => {
    const answer = await parse("turno el lunes a las 10 en Palermo", {
      timezone: "America/Argentina/Buenos_Aires",
    });
    expect(answer.appointment.location).toMatchObject({ city: "Buenos Aires", country: "AR" });
    expect(answer.appointment.start).toBe("2026-03-09T10:00:00-03:00");
    expect(answer.status).toBe("complete");
  });

  it("is Sicily's city for an Italian zone, whatever the dialect says", async () => {
    const answer = await parse("turno el lunes a las 10 en Palermo", { timezone: "Europe/Rome" });
    expect(answer.appointment.location).toMatchObject({ city: "Palermo", country: "IT" });
    expect(answer.appointment.start).toBe("2026-03-09T10:00:00+01:00");
  });

  it("is the barrio for voseo without zone or region ('turno' absent)", async () => {
    const answer = await parse("podés el lunes a las 10 en palermo?", { locale: "es" });
    expect(answer.appointment.location).toMatchObject({ country: "AR" });
    expect(answer.appointment.timezone).toBe("America/Argentina/Buenos_Aires");
    expect(answer.ambiguities.filter((ambiguity) => ambiguity.field === "location")).toEqual([]);
  });

  it("is an ambiguity with both as options when nothing hints, and the user's zone stays", async () => {
    const answer = await parse("reunión el lunes a las 10 en Palermo");
    expect(answer.ambiguities).toContainEqual({
      field: "location",
      issue: "ambiguous",
      message: "Hay varios lugares con ese nombre; ¿cuál de ellos?",
      options: ["Palermo, Italia", "Palermo, Buenos Aires, Argentina"],
    });
    expect(answer.appointment.location).toEqual({ text: "Palermo" });
    expect(answer.appointment).toMatchObject({ timezone: "UTC", start: "2026-03-09T10:00:00+00:00" });
    expect(answer.status).toBe("needs_clarification");
  });

  it("is an ambiguity too when the locale's country has no Palermo", async () => {
    const answer = await parse("meeting in Palermo on Monday at 10", { locale: "en-US" });
    const location = answer.ambiguities.find((ambiguity) => ambiguity.field === "location");
    expect(location?.options).toEqual(["Palermo, Italy", "Palermo, Buenos Aires, Argentina"]);
  });
});

describe("the locale region and the dialect", () => {
  it.each([
    ["es-AR", "AR", "America/Argentina/Cordoba"],
    ["es-ES", "ES", "Europe/Madrid"],
    ["es-MX", "MX", "America/Mexico_City"],
  ])("Córdoba for %s is the one in %s", async (locale, country, zone) => {
    const answer = await parse("cita en Córdoba el viernes a las 9", { locale });
    expect(answer.appointment.location).toMatchObject({ country, timezone: zone });
  });

  it("'vale' places Valencia in Spain, 'ahorita' Guadalajara in Mexico", async () => {
    const spain = await parse("vale, quedamos en Valencia el jueves a las 5");
    expect(spain.appointment.location).toMatchObject({ country: "ES" });
    const mexico = await parse("ahorita agendame en guadalajara el lunes a las 11");
    expect(mexico.appointment.location).toMatchObject({ country: "MX" });
  });

  it("a cue for a country without the place decides nothing", async () => {
    // "arvo" is Australian; no Hamilton of the gazetteer is.
    const answer = await parse("arvo catch up in hamilton thurs 3pm");
    expect(answer.ambiguities.map((ambiguity) => ambiguity.field)).toContain("location");
  });
});

describe("a name one country dominates", () => {
  it("London alone is England's: Ontario's is over ten times smaller", async () => {
    const answer = await parse("meeting in London on Friday at 3pm");
    expect(answer.appointment.location).toMatchObject({ country: "GB" });
    expect(answer.status).toBe("complete");
  });

  it("Madrid alone is Spain's, though 'cita' is a Mexican cue", async () => {
    const answer = await parse("cita en Madrid el lunes a las 10");
    expect(answer.appointment.location).toMatchObject({ country: "ES" });
  });
});

describe("dialect cues", () => {
  it.each([
    [
      ["podes", "venir"],
      ["AR", "UY"],
    ],
    [["quedamos", "a", "las", "5", "vale"], ["ES"]],
    [["kindly", "do", "the", "needful"], ["IN"]],
    [["nos", "vemos", "al", "tiro"], ["CL"]],
    [["see", "you", "tomorrow"], []],
  ])("%j point to %j", (words, countries) => {
    expect([...dialectCountries(words).keys()].sort()).toEqual(countries);
  });
});
