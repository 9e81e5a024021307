// The recovery check's cases are exactly the golden cases tagged `recovery` (fixtures/golden), each in its
// language with one clear date and time to agree on; the golden suite checks the rules read them right.
import { describe, expect, it } from "vitest";
import { DEFAULT_GOLDEN_DIRECTORY, loadGoldenFiles } from "../../tools/golden/fixtures.js";
import { RECOVERY_CASES, type RecoveryCase } from "./recovery-cases.js";

const tagged = loadGoldenFiles([DEFAULT_GOLDEN_DIRECTORY]).cases.filter((golden) =>
  golden.tags?.includes("recovery"),
);
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

describe("the recovery cases", () => {
  it("are the golden cases tagged recovery, as the fixtures write them", () => {
    const fromFixtures: RecoveryCase[] = tagged.map((golden) => ({
      id: golden.id,
      language: golden.tags?.includes("es") ? "es" : "en",
      text: golden.text ?? "",
      locale: golden.locale ?? null,
      timezone: golden.timezone ?? "",
      now: golden.now ?? "",
    }));
    expect([...RECOVERY_CASES].sort(byId)).toEqual(fromFixtures.sort(byId));
  });

  it("are six to ten, in both languages, each with a date and a time to agree on", () => {
    expect(RECOVERY_CASES.length).toBeGreaterThanOrEqual(6);
    expect(RECOVERY_CASES.length).toBeLessThanOrEqual(10);
    for (const language of ["es", "en"]) {
      expect(RECOVERY_CASES.filter((entry) => entry.language === language).length).toBeGreaterThanOrEqual(3);
    }
    for (const golden of tagged) {
      expect(golden.tags).toContain(golden.tags?.includes("es") ? "es" : "en");
      expect(golden.expect.date, golden.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(golden.expect.time, golden.id).toMatch(/^\d{2}:\d{2}$/);
    }
  });
});
