// POST /parse, Duckling's HTTP API, driven in-process: each field reaches the engine (seen in the answer),
// and every refusal is in the contract's error shape. test/duckling-rasa.test.ts replays Rasa's request.
import { describe, expect, it } from "vitest";
import { createApp } from "../../app.js";
import { readConfig } from "../../config.js";
import { DucklingEntitySchema } from "../schemas/duckling.js";
import { ErrorResponseSchema } from "../schemas/errors.js";
import { MAX_BODY_BYTES } from "../validation.js";

// Tuesday 2013-02-12 04:30 at −02:00, the reference of Duckling's corpus.
const REFERENCE = Date.parse("2013-02-12T04:30:00.000-02:00");
const FORM = "application/x-www-form-urlencoded";

const app = createApp({ config: readConfig({ DEFAULT_TIMEZONE: "Etc/GMT+2" }), clock: () => REFERENCE });

function postForm(fields: Record<string, string> | string, headers: Record<string, string> = {}) {
  const body = typeof fields === "string" ? fields : new URLSearchParams(fields).toString();
  return app.request("/parse", { method: "POST", headers: { "content-type": FORM, ...headers }, body });
}

function postJson(body: unknown) {
  return app.request("/parse", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function entitiesOf(response: Response) {
  const raw = await response.text();
  expect(response.status, raw).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return DucklingEntitySchema.array().parse(JSON.parse(raw));
}

async function timeValueOf(response: Response) {
  const entities = await entitiesOf(response);
  const time = entities.find((entity) => entity.dim === "time");
  expect(time, JSON.stringify(entities)).toBeDefined();
  return time!.value as { type: string; value?: string; grain?: string };
}

async function expectError(response: Response, status: number, code: string, field?: string) {
  const raw = await response.text();
  expect(response.status, raw).toBe(status);
  const { error } = ErrorResponseSchema.parse(JSON.parse(raw));
  expect(error.code).toBe(code);
  expect(error.requestId).toBe(response.headers.get("x-request-id"));
  if (field !== undefined) expect(error.message).toContain(field);
  return error;
}

describe("POST /parse: the fields reach the engine", () => {
  it("reads a form post with Duckling's defaults: en_US, the configured zone, the clock, time and duration", async () => {
    const value = await timeValueOf(await postForm({ text: "tomorrow at 9am" }));
    expect(value).toMatchObject({ type: "value", value: "2013-02-13T09:00:00.000-02:00", grain: "hour" });
  });

  it("answers the same entities to the same request as JSON", async () => {
    const fields = { text: "tomorrow at 9am", locale: "en_GB", tz: "Asia/Tokyo", reftime: String(REFERENCE) };
    const fromForm = await entitiesOf(await postForm(fields));
    const fromJson = await entitiesOf(await postJson({ ...fields, reftime: REFERENCE, dims: ["time"] }));
    expect(fromJson).toEqual(fromForm);
    expect(fromForm.length).toBeGreaterThan(0);
  });

  it("expresses values in tz, on the reference day of that zone", async () => {
    // 06:30 UTC is still 22:30 on the 11th in Los Angeles, so "tomorrow" is the 12th there.
    const value = await timeValueOf(await postForm({ text: "tomorrow at 9am", tz: "America/Los_Angeles" }));
    expect(value).toMatchObject({ value: "2013-02-12T09:00:00.000-08:00", grain: "hour" });
  });

  it("resolves against reftime, as a string of epoch milliseconds or a JSON number", async () => {
    const weekLater = REFERENCE + 7 * 86_400_000;
    const expected = { value: "2013-02-20T09:00:00.000-02:00", grain: "hour" };
    expect(
      await timeValueOf(await postForm({ text: "tomorrow at 9am", reftime: String(weekLater) })),
    ).toMatchObject(expected);
    expect(await timeValueOf(await postJson({ text: "tomorrow at 9am", reftime: weekLater }))).toMatchObject(
      expected,
    );
  });

  it.each(["es_ES", "es_MX", "es", "ES_mx", "es-MX"])("reads Spanish for locale %s", async (locale) => {
    const value = await timeValueOf(await postForm({ text: "mañana a las 9 de la mañana", locale }));
    expect(value).toMatchObject({ value: "2013-02-13T09:00:00.000-02:00", grain: "hour" });
  });

  it("reads Duckling's lang field when no locale is given", async () => {
    const value = await timeValueOf(await postForm({ text: "mañana a las 9 de la mañana", lang: "es" }));
    expect(value).toMatchObject({ value: "2013-02-13T09:00:00.000-02:00" });
  });

  it("keeps offsets in the original text, whitespace and accents included", async () => {
    const text = "  Nos vemos mañana a las 9 de la mañana, ¿vale?";
    const [entity] = await entitiesOf(await postForm({ text, locale: "es_ES", dims: '["time"]' }));
    expect(entity).toBeDefined();
    expect(text.slice(entity!.start, entity!.end)).toBe(entity!.body);
    expect(entity!.body).toContain("mañana a las 9");
  });

  it.each([
    ["a JSON string", { dims: '["time"]' }],
    ["a JSON string with spaces", { dims: '[ "time" , "number" ]' }],
    ["null (Rasa's default), meaning every dimension", { dims: "null" }],
    ["an empty array, meaning every dimension", { dims: "[]" }],
  ])("takes dims as %s", async (_label, extra) => {
    const entities = await entitiesOf(await postForm({ text: "tomorrow at 9am", ...extra }));
    expect(entities.map((entity) => entity.dim)).toContain("time");
  });

  it("answers no entities for dimensions it does not read, and no time when only duration is asked", async () => {
    expect(
      await entitiesOf(await postForm({ text: "tomorrow at 9am", dims: '["email", "number"]' })),
    ).toEqual([]);
    const durations = await entitiesOf(await postJson({ text: "tomorrow at 9am", dims: ["duration"] }));
    expect(durations.filter((entity) => entity.dim === "time")).toEqual([]);
  });

  it.each(["true", "false", "True", "FALSE"])("accepts latent=%s", async (latent) => {
    await entitiesOf(await postForm({ text: "tomorrow at 9am", latent }));
  });

  it("answers an empty array when there is no time", async () => {
    expect(await entitiesOf(await postForm({ text: "laughing out loud", dims: '["time"]' }))).toEqual([]);
  });
});

describe("POST /parse: refusals", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["a missing text", { locale: "en_US" }, "text"],
    ["an empty text", { text: "   " }, "text"],
    ["a text over 2000 characters", { text: "a".repeat(2001) }, "text"],
    ["another language", { text: "demain à 9h", locale: "fr_FR" }, "locale"],
    ["a malformed locale", { text: "tomorrow", locale: "en_US_POSIX" }, "locale"],
    ["another lang", { text: "demain", lang: "fr" }, "lang"],
    ["an unknown zone", { text: "tomorrow", tz: "Mars/Olympus" }, "tz"],
    ["reftime as a date", { text: "tomorrow", reftime: "2013-02-12" }, "reftime"],
    ["reftime that is not a number", { text: "tomorrow", reftime: "soon" }, "reftime"],
    ["reftime beyond year 9999", { text: "tomorrow", reftime: "999999999999999" }, "reftime"],
    ["dims that are not JSON", { text: "tomorrow", dims: "time" }, "dims"],
    ["dims that are not an array of names", { text: "tomorrow", dims: '{"time": true}' }, "dims"],
    ["latent that is not a boolean", { text: "tomorrow", latent: "maybe" }, "latent"],
    ["an unknown field", { text: "tomorrow", timezone: "UTC" }, "timezone"],
  ])("answers %s with 400 naming the field, in a form or JSON", async (_label, fields, field) => {
    const form = Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, String(value)]));
    await expectError(await postForm(form), 400, "invalid_request", field);
    await expectError(await postJson(fields), 400, "invalid_request", field);
  });

  it("refuses a form field given twice", async () => {
    await expectError(await postForm("text=tomorrow&tz=UTC&tz=Asia%2FTokyo"), 400, "invalid_request", "tz");
  });

  it("refuses JSON of the wrong types and broken JSON", async () => {
    await expectError(await postJson({ text: "tomorrow", reftime: true }), 400, "invalid_request", "reftime");
    await expectError(await postJson({ text: "tomorrow", dims: [1] }), 400, "invalid_request", "dims");
    await expectError(await postJson(["tomorrow"]), 400, "invalid_request");
    await expectError(await postJson("{bad"), 400, "invalid_json");
  });

  it("answers other content types with 415", async () => {
    const plain = await app.request("/parse", { method: "POST", body: "text=tomorrow" });
    await expectError(plain, 415, "unsupported_media_type");
    const multipart = new FormData();
    multipart.set("text", "tomorrow");
    await expectError(
      await app.request("/parse", { method: "POST", body: multipart }),
      415,
      "unsupported_media_type",
    );
  });

  it("answers a body over 16 KiB with 413, with or without Content-Length", async () => {
    const body = `text=${"a".repeat(MAX_BODY_BYTES)}`;
    await expectError(
      await postForm(body, { "content-length": String(body.length) }),
      413,
      "payload_too_large",
    );
    const bytes = new TextEncoder().encode(`text=${"a".repeat(1024 * 1024)}`);
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(pulled, pulled + 16 * 1024));
        pulled += 16 * 1024;
      },
    });
    const chunked = await app.request("/parse", {
      method: "POST",
      headers: { "content-type": FORM },
      body: stream,
      duplex: "half",
    } as RequestInit);
    await expectError(chunked, 413, "payload_too_large");
    expect(pulled).toBeLessThan(bytes.length);
  });

  it("answers other methods with 405 and Allow: POST", async () => {
    const response = await app.request("/parse?text=tomorrow");
    expect(response.headers.get("allow")).toBe("POST");
    await expectError(response, 405, "method_not_allowed");
  });
});
