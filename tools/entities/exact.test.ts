// MASSIVE's exact match for calibration, at each edge of its definition (tools/entities/exact.ts).
import { describe, expect, it } from "vitest";
import type { Ambiguity } from "../../src/coordinator/agent.js";
import { goldenResponse } from "../golden/test-responses.js";
import { massiveRight } from "./exact.js";
import type { EntityCase } from "./score.js";

const TODAY = "2026-03-05";
const entity = (fields: Partial<EntityCase>): EntityCase => ({
  id: "1",
  utt: "",
  persons: [],
  places: [],
  when: { date: false, time: false },
  ...fields,
});
const answer = (appointment: Parameters<typeof goldenResponse>[0], ambiguities: Ambiguity[] = []) =>
  goldenResponse({ timezone: "America/Los_Angeles", ...appointment }, { ambiguities });
const flag = (field: "date" | "time") => [{ field, issue: "ambiguous" as const, message: "x" }];

describe("MASSIVE exact match", () => {
  it("needs the annotated person and place, and none read where none is annotated", () => {
    expect(massiveRight(entity({ persons: ["john"] }), answer({ contact: "John" }), TODAY)).toBe(true);
    expect(massiveRight(entity({ persons: ["john"] }), answer({}), TODAY)).toBe(false);
    expect(massiveRight(entity({}), answer({ contact: "Bill" }), TODAY)).toBe(false);
    expect(massiveRight(entity({ places: ["the gym"] }), answer({ location: { text: "gym" } }), TODAY)).toBe(
      true,
    );
    expect(massiveRight(entity({}), answer({ location: { text: "calendar" } }), TODAY)).toBe(false);
  });

  it("needs a date read when one is annotated, or at least flagged", () => {
    const dated = entity({ when: { date: true, time: false } });
    expect(massiveRight(dated, answer({ date: "2026-03-06" }), TODAY)).toBe(true);
    expect(massiveRight(dated, answer({}), TODAY)).toBe(false);
    expect(massiveRight(dated, answer({}, flag("date")), TODAY)).toBe(true);
  });

  it("takes no date read where none is annotated, except the reference day", () => {
    expect(massiveRight(entity({}), answer({ date: "2026-03-06" }), TODAY)).toBe(false);
    expect(massiveRight(entity({}), answer({ date: TODAY }), TODAY)).toBe(true);
  });

  it("treats a time like a date, without the reference-day exception", () => {
    const timed = entity({ when: { date: false, time: true } });
    expect(massiveRight(timed, answer({ time: "17:00" }), TODAY)).toBe(true);
    expect(massiveRight(timed, answer({}), TODAY)).toBe(false);
    expect(massiveRight(timed, answer({}, flag("time")), TODAY)).toBe(true);
    expect(massiveRight(entity({}), answer({ time: "17:00" }), TODAY)).toBe(false);
  });
});
