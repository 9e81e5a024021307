import { describe, expect, it } from "vitest";
import { z } from "zod";
import { INTENTS } from "../coordinator/agent.js";
import {
  EXTRACTION_FIELDS,
  ExtractionSchema,
  extractionJsonSchema,
  PREVIOUS_FIELDS,
  PreviousExtractionSchema,
} from "./extraction-schema.js";

const ANSWER = {
  isAppointmentRequest: true,
  intent: "book",
  language: "en",
  contact: null,
  service: null,
  location: null,
  durationMinutes: null,
  dateText: "tomorrow",
  timeText: null,
  previous: null,
};

type JsonObject = Record<string, unknown>;
const writtenPrevious = () => {
  const previous = (extractionJsonSchema.properties as Record<string, JsonObject>).previous!;
  return (previous.anyOf as JsonObject[])[0]!;
};

describe("the extraction schema", () => {
  it("has exactly the agreed keys, all required, in both forms", () => {
    expect(Object.keys(ExtractionSchema.shape)).toEqual([...EXTRACTION_FIELDS]);
    expect(Object.keys(extractionJsonSchema.properties as object)).toEqual([...EXTRACTION_FIELDS]);
    expect(extractionJsonSchema.required).toEqual([...EXTRACTION_FIELDS]);
    expect(extractionJsonSchema.additionalProperties).toBe(false);
  });

  it("writes `previous` as a strict object or null, with every key required", () => {
    expect(Object.keys(PreviousExtractionSchema.shape)).toEqual([...PREVIOUS_FIELDS]);
    const previous = writtenPrevious();
    expect(Object.keys(previous.properties as object)).toEqual([...PREVIOUS_FIELDS]);
    expect(previous).toMatchObject({
      type: "object",
      additionalProperties: false,
      required: PREVIOUS_FIELDS,
    });
    const anyOf = (extractionJsonSchema.properties as Record<string, JsonObject>).previous!.anyOf;
    expect(anyOf).toContainEqual({ type: "null" });
  });

  it("agrees with the JSON Schema zod derives from it on types, ranges and enums", () => {
    const derived = z.toJSONSchema(ExtractionSchema) as { properties: Record<string, object> };
    const written = extractionJsonSchema.properties as Record<string, Record<string, unknown>>;
    expect(derived.properties.durationMinutes).toMatchObject({
      anyOf: [{ type: "integer", minimum: 1, maximum: 480 }, { type: "null" }],
    });
    expect(written.durationMinutes).toMatchObject({ type: ["integer", "null"], minimum: 1, maximum: 480 });
    expect(derived.properties.language).toMatchObject({ enum: ["es", "en"] });
    expect(written.language).toMatchObject({ enum: ["es", "en"] });
    expect(derived.properties.intent).toMatchObject({ enum: [...INTENTS] });
    expect(written.intent).toMatchObject({ enum: [...INTENTS] });
    expect(derived.properties.previous).toMatchObject({
      anyOf: [
        { type: "object", additionalProperties: false, required: [...PREVIOUS_FIELDS] },
        { type: "null" },
      ],
    });
  });

  it("rejects extra keys, at the top and inside `previous`", () => {
    expect(ExtractionSchema.safeParse(ANSWER).success).toBe(true);
    expect(ExtractionSchema.safeParse({ ...ANSWER, confidence: 1 }).success).toBe(false);
    const previous = { dateText: "el martes", timeText: null, contact: null, service: null };
    expect(ExtractionSchema.safeParse({ ...ANSWER, intent: "cancel", previous }).success).toBe(true);
    expect(
      ExtractionSchema.safeParse({ ...ANSWER, intent: "cancel", previous: { ...previous, start: "x" } })
        .success,
    ).toBe(false);
  });

  it("rejects an intent outside the five and a `previous` that is not an object", () => {
    expect(ExtractionSchema.safeParse({ ...ANSWER, intent: "booking" }).success).toBe(false);
    expect(ExtractionSchema.safeParse({ ...ANSWER, previous: "el martes" }).success).toBe(false);
    expect(ExtractionSchema.safeParse({ ...ANSWER, previous: { dateText: "el martes" } }).success).toBe(
      false,
    );
  });

  it("accepts an answer in the first shape, without intent and previous", () => {
    const { intent: _intent, previous: _previous, ...first } = ANSWER;
    const parsed = ExtractionSchema.safeParse(first);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(first);
  });
});
