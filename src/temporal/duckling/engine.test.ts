import { describe, expect, it } from "vitest";
import { parseDuckling } from "./engine.js";
import type { IntervalValue, TimeValue } from "./types.js";

// Reference: Tuesday 2013-02-12 04:30 at -02:00, as in Duckling's corpus; the examples are our own.
const REFERENCE = Date.parse("2013-02-12T04:30:00-02:00");

function read(text: string, locale: string) {
  const entities = parseDuckling(text, { locale, zone: "Etc/GMT+2", reference: REFERENCE, dims: ["time"] });
  expect(entities, text).toHaveLength(1);
  return entities[0]!;
}

function interval(text: string, locale: string): [string | undefined, string | undefined] {
  const value = read(text, locale).value as IntervalValue;
  expect(value.type).toBe("interval");
  return [value.from?.value.slice(0, 16), value.to?.value.slice(0, 16)];
}

describe("Duckling reading rules", () => {
  it("reads a bare hour as its next occurrence and 'next <weekday>' past the nearest one", () => {
    expect((read("a las 3", "es_ES").value as TimeValue).value).toBe("2013-02-12T15:00:00.000-02:00");
    expect((read("next thursday", "en_US").value as TimeValue).value).toBe("2013-02-21T00:00:00.000-02:00");
    expect((read("el jueves", "es_ES").value as TimeValue).value).toBe("2013-02-14T00:00:00.000-02:00");
  });

  it("opens intervals on one side in both languages", () => {
    expect(interval("antes del lunes", "es_ES")).toEqual([undefined, "2013-02-18T00:00"]);
    expect(interval("después de las 5 de la tarde", "es_ES")).toEqual(["2013-02-12T17:00", undefined]);
    expect(interval("a partir del jueves", "es_ES")).toEqual(["2013-02-14T00:00", undefined]);
    expect(interval("anytime after 6pm", "en_US")).toEqual(["2013-02-12T18:00", undefined]);
    expect(interval("by 11am", "en_US")).toEqual(["2013-02-12T04:30", "2013-02-12T11:00"]);
  });

  it("reads ranges with their second end after the first, closed one grain past it", () => {
    expect(interval("between Monday and Wednesday", "en_US")).toEqual([
      "2013-02-18T00:00",
      "2013-02-21T00:00",
    ]);
    expect(interval("entre el lunes y el miércoles", "es_ES")).toEqual([
      "2013-02-18T00:00",
      "2013-02-21T00:00",
    ]);
    expect(interval("from 2 to 4pm", "en_US")).toEqual(["2013-02-12T14:00", "2013-02-12T17:00"]);
    expect(interval("de 9 a 11", "es_ES")).toEqual(["2013-02-12T09:00", "2013-02-12T11:00"]);
    expect(interval("August 3rd - 5th", "en_US")).toEqual(["2013-08-03T00:00", "2013-08-06T00:00"]);
  });

  it("reads a holiday with what modifies it", () => {
    expect((read("christmas 2016", "en_US").value as TimeValue).value).toBe("2016-12-25T00:00:00.000-02:00");
    expect((read("last halloween", "en_US").value as TimeValue).value).toBe("2012-10-31T00:00:00.000-02:00");
    expect((read("Navidad", "es_ES").value as TimeValue).value).toBe("2013-12-25T00:00:00.000-02:00");
  });

  it("converts a time said in another zone", () => {
    expect((read("noon UTC", "en_US").value as TimeValue).value).toBe("2013-02-12T10:00:00.000-02:00");
  });

  it("keeps latent readings for clients that ask", () => {
    expect(parseDuckling("4a", { locale: "en_US", zone: "Etc/GMT+2", reference: REFERENCE })).toEqual([]);
    const latent = parseDuckling("1999", {
      locale: "en_US",
      zone: "Etc/GMT+2",
      reference: REFERENCE,
      latent: true,
    });
    expect(latent.map((entity) => [entity.latent, (entity.value as TimeValue).grain])).toEqual([
      [true, "year"],
    ]);
  });

  it("answers durations in Duckling's shape", () => {
    const [entity] = parseDuckling("2 horas y media", {
      locale: "es_ES",
      zone: "UTC",
      reference: REFERENCE,
      dims: ["duration"],
    });
    expect(entity?.dim).toBe("duration");
    expect(entity?.value).toMatchObject({
      value: 150,
      unit: "minute",
      normalized: { value: 9000, unit: "second" },
    });
  });
});
