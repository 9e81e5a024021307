// The embedded gazetteer: coverage of the countries Cita serves, curated districts and aliases, zones the
// runtime knows, and the size that goes into the Workers bundle.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isValidZone } from "../../src/temporal/zone.js";
import { ALIASES, DISTRICTS } from "./curated.js";
import { countryOfZone, placesNamed } from "./gazetteer.js";
import { GAZETTEER_PLACES, GAZETTEER_ZONES } from "./gazetteer-data.js";
import { placeKey } from "./place-key.js";

const SERVED = "ES MX AR CO CL PE VE EC BO PY UY CR PA GT HN SV NI DO CU PR US GB".split(" ");

describe("gazetteer", () => {
  it("stays well under 500 KB of source", () => {
    const bytes = readFileSync(new URL("./gazetteer-data.ts", import.meta.url)).byteLength;
    expect(bytes).toBeLessThan(350_000);
  });

  it("has places in every served country, with zones the runtime knows", () => {
    const countries = new Set(GAZETTEER_PLACES.split("\n").map((line) => line.split("|")[2]));
    for (const country of SERVED) expect(countries, country).toContain(country);
    for (const entry of GAZETTEER_ZONES.split("|")) {
      const [zone = "", country = ""] = entry.split(":");
      expect(isValidZone(zone), zone).toBe(true);
      expect(country).toMatch(/^[A-Z]{2}$/);
    }
  });

  it("finds every row by its key, first and last included", () => {
    const rows = GAZETTEER_PLACES.split("\n").filter((row) => row !== "");
    for (const row of rows) {
      const [key = "", name, country, , , , , population] = row.split("|");
      expect(placesNamed(key), row).toContainEqual(
        expect.objectContaining({ name, country, population: Number(population) }),
      );
    }
    expect(placesNamed("nowhere at all")).toEqual([]);
    expect(placesNamed("")).toEqual([]);
    expect(placesNamed("aaaa")).toEqual([]);
    expect(placesNamed("\u017c\u017c\u017c")).toEqual([]);
  });

  it("finds capitals and big cities by folded name, with their zone", () => {
    expect(placesNamed("bogota")).toContainEqual(
      expect.objectContaining({ country: "CO", timezone: "America/Bogota" }),
    );
    expect(placesNamed("cancun")).toContainEqual(
      expect.objectContaining({ country: "MX", timezone: "America/Cancun" }),
    );
    expect(placesNamed("las palmas de gran canaria")).toContainEqual(
      expect.objectContaining({ country: "ES", timezone: "Atlantic/Canary" }),
    );
    expect(placesNamed("san sebastian")).toContainEqual(
      expect.objectContaining({ name: "Donostia / San Sebastián" }),
    );
    expect(placesNamed("montevideo")).toContainEqual(expect.objectContaining({ country: "UY" }));
  });

  it("lists each curated district once, in its city", () => {
    for (const district of DISTRICTS) {
      const named = placesNamed(placeKey(district.name)).filter(
        (place) => place.country === district.country,
      );
      expect(named, district.name).toEqual([
        expect.objectContaining({ name: district.name, city: district.city }),
      ]);
    }
  });

  it("resolves every alias to its place", () => {
    for (const alias of ALIASES) {
      expect(placesNamed(placeKey(alias.alias)), alias.alias).toContainEqual(
        expect.objectContaining({ name: alias.name, country: alias.country }),
      );
    }
  });

  it("knows the country of the zones it lists", () => {
    expect(countryOfZone("America/Mexico_City")).toBe("MX");
    expect(countryOfZone("Europe/Madrid")).toBe("ES");
    expect(countryOfZone("America/New_York")).toBe("US");
    expect(countryOfZone("Etc/UTC")).toBeUndefined();
  });
});
