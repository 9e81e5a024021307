// Parse responses for the tools' tests: an answer with every appointment field empty unless given.
import type { GoldenResponse } from "./compare.js";

export function goldenResponse(
  appointment: Partial<GoldenResponse["appointment"]> = {},
  rest: Partial<GoldenResponse> = {},
): GoldenResponse {
  return {
    status: "complete",
    ambiguities: [],
    intent: "book",
    previous: null,
    ...rest,
    appointment: {
      contact: null,
      service: null,
      date: null,
      time: null,
      start: null,
      end: null,
      durationMinutes: null,
      timezone: "America/Mexico_City",
      location: null,
      ...appointment,
    },
  };
}
