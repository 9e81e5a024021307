// The entity scores on cases whose figures are known by hand.
import { describe, expect, it } from "vitest";
import { type EntityCase, scoreEntities } from "./score.js";

const cases: EntityCase[] = [
  { id: "1", utt: "meet john at starbucks", persons: ["john"], places: ["starbucks"] },
  { id: "2", utt: "call bill", persons: ["bill"], places: [] },
  { id: "3", utt: "lunch tomorrow", persons: [], places: [] },
  { id: "4", utt: "with mary and sue", persons: ["mary", "sue"], places: ["the office"] },
];

describe("entity scores", () => {
  it("counts precision over what was read and recall over what is gold", () => {
    const report = scoreEntities(cases, [
      { contact: "John", location: "Starbucks" }, // both right, case aside
      { contact: null, location: null }, // contact missed
      { contact: "Dr. Lee", location: "calendar" }, // both read where nothing is gold
      { contact: "Sue", location: null }, // the second of two persons; place missed
    ]);
    expect(report.contact).toEqual({
      predicted: 3,
      correct: 2,
      gold: 3,
      found: 2,
      precision: 2 / 3,
      recall: 2 / 3,
    });
    expect(report.location).toEqual({
      predicted: 2,
      correct: 1,
      gold: 2,
      found: 1,
      precision: 1 / 2,
      recall: 1 / 2,
    });
    expect(report.errors.map((error) => `${error.id}:${error.field}`)).toEqual([
      "2:contact",
      "3:contact",
      "3:location",
      "4:location",
    ]);
  });

  it("matches a contact by its name words, titles and articles aside, one inside the other", () => {
    const report = scoreEntities(
      [{ id: "1", utt: "", persons: ["john smith"], places: [] }],
      [{ contact: "Mr. John", location: null }],
    );
    expect(report.contact.correct).toBe(1);
  });

  it("has no figure when nothing was read or nothing is gold", () => {
    const report = scoreEntities([cases[2]!], [{ contact: null, location: null }]);
    expect(report.contact.precision).toBeNull();
    expect(report.contact.recall).toBeNull();
  });
});
