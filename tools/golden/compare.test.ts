import { describe, expect, it } from "vitest";
import { compareCase, type GoldenResponse, sameInstantAndOffset } from "./compare.js";
import type { GoldenCase } from "./fixtures.js";
import { goldenResponse as response } from "./test-responses.js";

/** Whether every check passes for the given expectation. */
function passes(
  expectation: Partial<Pick<GoldenCase, "ambiguity" | "mustFlag">> & Pick<GoldenCase, "expect">,
  got: GoldenResponse,
): boolean {
  return compareCase(expectation, got).every((check) => check.passed);
}

describe("contact", () => {
  it("ignores titles, case, accents and punctuation", () => {
    expect(passes({ expect: { contact: "Dr. Pérez" } }, response({ contact: "perez" }))).toBe(true);
    expect(
      passes({ expect: { contact: "Dra. María-José" } }, response({ contact: "doctora maria jose" })),
    ).toBe(true);
    expect(passes({ expect: { contact: "Mrs. Smith" } }, response({ contact: "SMITH" }))).toBe(true);
    expect(passes({ expect: { contact: "Srta. Núñez" } }, response({ contact: "señorita Nunez" }))).toBe(
      true,
    );
    expect(passes({ expect: { contact: "Lic. Prof. Ana Ruiz" } }, response({ contact: "Ana Ruiz" }))).toBe(
      true,
    );
  });

  it("ignores articles", () => {
    expect(passes({ expect: { contact: "la Dra. Gómez" } }, response({ contact: "Gomez" }))).toBe(true);
    expect(passes({ expect: { contact: "the dentist" } }, response({ contact: "Dentist" }))).toBe(true);
  });

  it("fails on a different name, a partial name or a missing one", () => {
    expect(passes({ expect: { contact: "Dr. Pérez" } }, response({ contact: "Dr. Pereira" }))).toBe(false);
    expect(passes({ expect: { contact: "Ana Ruiz" } }, response({ contact: "Ana" }))).toBe(false);
    expect(passes({ expect: { contact: "Dr. Pérez" } }, response({ contact: null }))).toBe(false);
  });
});

describe("service and location", () => {
  it("match ignoring case and accents, with containment either way", () => {
    expect(passes({ expect: { service: "Limpieza Dental" } }, response({ service: "limpieza dental" }))).toBe(
      true,
    );
    expect(passes({ expect: { service: "limpieza" } }, response({ service: "limpieza dental" }))).toBe(true);
    expect(
      passes({ expect: { service: "corte de cabello y barba" } }, response({ service: "corte de cabello" })),
    ).toBe(true);
    expect(
      passes(
        { expect: { location: "clinica de polanco" } },
        response({ location: { text: "Clínica de Polanco" } }),
      ),
    ).toBe(true);
    expect(
      passes({ expect: { location: "Polanco" } }, response({ location: { text: "la clínica de Polanco" } })),
    ).toBe(true);
  });

  it("fail when neither text holds the other", () => {
    expect(passes({ expect: { service: "limpieza dental" } }, response({ service: "ortodoncia" }))).toBe(
      false,
    );
    expect(passes({ expect: { location: "Polanco" } }, response({ location: { text: "Coyoacán" } }))).toBe(
      false,
    );
    expect(passes({ expect: { location: "Polanco" } }, response({ location: null }))).toBe(false);
    expect(passes({ expect: { service: "corte" } }, response({ service: "" }))).toBe(false);
  });

  it("compare the response's location text", () => {
    const [check] = compareCase(
      { expect: { location: "Polanco" } },
      response({ location: { text: "Polanco", city: "CDMX" } }),
    );
    expect(check).toMatchObject({ field: "location", got: "Polanco", passed: true });
  });
});

describe("null expectations", () => {
  it("pass only when the field comes back null", () => {
    for (const field of [
      "contact",
      "service",
      "date",
      "time",
      "start",
      "durationMinutes",
      "location",
    ] as const) {
      expect(passes({ expect: { [field]: null } }, response()), field).toBe(true);
    }
    expect(passes({ expect: { contact: null } }, response({ contact: "Pérez" }))).toBe(false);
    expect(passes({ expect: { service: null } }, response({ service: "corte" }))).toBe(false);
    expect(passes({ expect: { time: null } }, response({ time: "10:00" }))).toBe(false);
    expect(passes({ expect: { durationMinutes: null } }, response({ durationMinutes: 30 }))).toBe(false);
    expect(passes({ expect: { location: null } }, response({ location: { text: "Polanco" } }))).toBe(false);
    expect(passes({ expect: { start: null } }, response({ start: "2026-01-23T10:00:00-06:00" }))).toBe(false);
  });
});

describe("exact fields", () => {
  it("compare date, time, duration and status exactly", () => {
    const got = response({ date: "2026-01-23", time: "10:00", durationMinutes: 45 }, { status: "complete" });
    expect(
      passes({ expect: { date: "2026-01-23", time: "10:00", durationMinutes: 45, status: "complete" } }, got),
    ).toBe(true);
    expect(passes({ expect: { date: "2026-01-24" } }, got)).toBe(false);
    expect(passes({ expect: { time: "10:30" } }, got)).toBe(false);
    expect(passes({ expect: { durationMinutes: 30 } }, got)).toBe(false);
    expect(passes({ expect: { status: "needs_clarification" } }, got)).toBe(false);
  });

  it("report each field on its own", () => {
    const checks = compareCase(
      { expect: { date: "2026-01-23", time: "11:00" } },
      response({ date: "2026-01-23", time: "10:00" }),
    );
    expect(checks.map((check) => [check.field, check.passed])).toEqual([
      ["date", true],
      ["time", false],
    ]);
  });
});

describe("start", () => {
  it("needs the same instant and the same offset", () => {
    expect(sameInstantAndOffset("2026-01-23T10:00:00-06:00", "2026-01-23T10:00:00-06:00")).toBe(true);
    expect(sameInstantAndOffset("2026-01-23T10:00:00-06:00", "2026-01-23T10:00:00.000-06:00")).toBe(true);
    expect(sameInstantAndOffset("2026-01-23T10:00:00+00:00", "2026-01-23T10:00:00Z")).toBe(true);
    expect(sameInstantAndOffset("2026-01-23T10:00:00-06:00", "2026-01-23T16:00:00Z")).toBe(false);
    expect(sameInstantAndOffset("2026-01-23T10:00:00-06:00", "2026-01-23T11:00:00-05:00")).toBe(false);
    expect(sameInstantAndOffset("2026-01-23T10:00:00-06:00", "2026-01-23T10:00:00-05:00")).toBe(false);
    expect(sameInstantAndOffset("2026-01-23T10:00:00-06:00", "2026-01-23T10:00:00")).toBe(false);
    expect(sameInstantAndOffset("2026-01-23T10:00:00-06:00", "not a date")).toBe(false);
  });

  it("is applied to the start field", () => {
    const got = response({ start: "2026-03-29T10:00:00+02:00" });
    expect(passes({ expect: { start: "2026-03-29T10:00:00+02:00" } }, got)).toBe(true);
    expect(passes({ expect: { start: "2026-03-29T08:00:00Z" } }, got)).toBe(false);
  });
});

describe("ambiguity", () => {
  const flagged = {
    ambiguities: [{ field: "date" as const, issue: "missing" as const, message: "¿Qué día?" }],
  };

  it("passes when the field is flagged and the status is not complete", () => {
    expect(
      passes({ expect: {}, ambiguity: "date" }, response({}, { ...flagged, status: "needs_clarification" })),
    ).toBe(true);
  });

  it("fails when the status is complete, even with the field flagged", () => {
    expect(passes({ expect: {}, ambiguity: "date" }, response({}, { ...flagged, status: "complete" }))).toBe(
      false,
    );
  });

  it("fails when another field is flagged", () => {
    expect(
      passes({ expect: {}, ambiguity: "time" }, response({}, { ...flagged, status: "needs_clarification" })),
    ).toBe(false);
  });
});

describe("mustFlag", () => {
  const past = { field: "date" as const, issue: "past" as const, message: "Esa fecha ya pasó." };

  it("passes when the issue appears in the ambiguities", () => {
    expect(
      passes({ expect: {}, mustFlag: "past" }, response({}, { status: "invalid", ambiguities: [past] })),
    ).toBe(true);
  });

  it("fails when the issue is absent", () => {
    expect(
      passes(
        { expect: {}, mustFlag: "nonexistent_time" },
        response({}, { status: "invalid", ambiguities: [past] }),
      ),
    ).toBe(false);
    expect(passes({ expect: {}, mustFlag: "past" }, response({}, { status: "invalid" }))).toBe(false);
  });
});

describe("intent", () => {
  it("is compared exactly", () => {
    expect(passes({ expect: { intent: "cancel" } }, response({}, { intent: "cancel" }))).toBe(true);
    expect(passes({ expect: { intent: "cancel" } }, response({}, { intent: "book" }))).toBe(false);
  });

  it("fails when the response has none (a server older than the contract)", () => {
    const { intent: _, ...old } = response();
    expect(passes({ expect: { intent: "book" } }, old as GoldenResponse)).toBe(false);
  });
});

describe("previous", () => {
  const existing = { date: "2026-03-12", time: "15:00", start: null, contact: "Dr. Pérez", service: null };

  it("checks only the parts the case names, the contact as contacts are compared", () => {
    const got = response({}, { intent: "cancel", previous: existing });
    expect(passes({ expect: { previous: { date: "2026-03-12" } } }, got)).toBe(true);
    expect(
      passes({ expect: { previous: { date: "2026-03-12", time: "15:00", contact: "perez" } } }, got),
    ).toBe(true);
    expect(passes({ expect: { previous: { time: "15:30" } } }, got)).toBe(false);
    expect(passes({ expect: { previous: { contact: "Dr. Pereira" } } }, got)).toBe(false);
  });

  it("a part given as null must come back null", () => {
    const got = response({}, { previous: { ...existing, time: null, contact: null } });
    expect(passes({ expect: { previous: { time: null, contact: null } } }, got)).toBe(true);
    expect(passes({ expect: { previous: { date: null } } }, got)).toBe(false);
  });

  it("null means the response must have no previous appointment", () => {
    expect(passes({ expect: { previous: null } }, response())).toBe(true);
    expect(passes({ expect: { previous: null } }, response({}, { previous: existing }))).toBe(false);
    expect(passes({ expect: { previous: { date: "2026-03-12" } } }, response())).toBe(false);
  });

  it("is one field in the checks, whatever parts it names", () => {
    const checks = compareCase(
      { expect: { intent: "reschedule", previous: { date: "2026-03-12", time: "15:00" } } },
      response({}, { intent: "reschedule", previous: existing }),
    );
    expect(checks.map((check) => [check.field, check.passed])).toEqual([
      ["intent", true],
      ["previous", true],
    ]);
  });
});
