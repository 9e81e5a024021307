import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EXTRACTION_FIELDS, ExtractionSchema, extractionJsonSchema } from "./extraction-schema.js";

describe("the extraction schema", () => {
  it("has exactly the agreed keys, all required, in both forms", () => {
    expect(Object.keys(ExtractionSchema.shape)).toEqual([...EXTRACTION_FIELDS]);
    expect(Object.keys(extractionJsonSchema.properties as object)).toEqual([...EXTRACTION_FIELDS]);
    expect(extractionJsonSchema.required).toEqual([...EXTRACTION_FIELDS]);
    expect(extractionJsonSchema.additionalProperties).toBe(false);
  });

  it("agrees with the JSON Schema zod derives from it on types and ranges", () => {
    const derived = z.toJSONSchema(ExtractionSchema) as { properties: Record<string, object> };
    const written = extractionJsonSchema.properties as Record<string, Record<string, unknown>>;
    expect(derived.properties.durationMinutes).toMatchObject({
      anyOf: [{ type: "integer", minimum: 1, maximum: 480 }, { type: "null" }],
    });
    expect(written.durationMinutes).toMatchObject({ type: ["integer", "null"], minimum: 1, maximum: 480 });
    expect(derived.properties.language).toMatchObject({ enum: ["es", "en"] });
    expect(written.language).toMatchObject({ enum: ["es", "en"] });
  });

  it("rejects extra keys", () => {
    const answer = {
      isAppointmentRequest: true,
      language: "en",
      contact: null,
      service: null,
      location: null,
      durationMinutes: null,
      dateText: "tomorrow",
      timeText: null,
    };
    expect(ExtractionSchema.safeParse(answer).success).toBe(true);
    expect(ExtractionSchema.safeParse({ ...answer, confidence: 1 }).success).toBe(false);
  });
});
