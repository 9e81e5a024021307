// Which words of a location phrase are tried as place names, and in what order.
import { describe, expect, it } from "vitest";
import { nameCandidates } from "./phrase.js";

const keys = (phrase: string) => nameCandidates(phrase).map((candidate) => candidate.key);

describe("name candidates", () => {
  it("tries the whole phrase first, then capitalised runs without venue nouns", () => {
    expect(keys("clínica de Polanco")).toEqual(["clinica de polanco", "polanco"]);
    expect(keys("Brooklyn clinic")).toEqual(["brooklyn clinic", "brooklyn"]);
    expect(keys("CLÍNICA DE POLANCO")).toEqual(["clinica de polanco", "polanco"]);
    expect(keys("Madrid")).toEqual(["madrid"]);
  });

  it("keeps joining words inside a name and an article at its start", () => {
    expect(keys("hospital de Santiago de Compostela")).toContain("santiago de compostela");
    expect(keys("clínica de La Paz")).toContain("la paz");
    expect(keys("clínica de La Paz")).not.toContain("de la paz");
  });

  it("skips street names", () => {
    expect(keys("consultorio de Av. Santa Fe")).toEqual(["consultorio de av santa fe"]);
    expect(keys("office on Main Street")).toEqual(["office on main street"]);
    expect(keys("spa del hotel Camino Real")).toEqual(["spa del hotel camino real"]);
  });

  it("marks lower-case fragments of a lower-case phrase as weak", () => {
    expect(nameCandidates("clinica de valencia")).toEqual([
      { key: "clinica de valencia", strong: true },
      { key: "valencia", strong: false },
    ]);
    expect(nameCandidates("downtown salon")).toEqual([{ key: "downtown salon", strong: true }]);
  });

  it("finds nothing in an empty phrase", () => {
    expect(nameCandidates(" , ")).toEqual([]);
  });
});
