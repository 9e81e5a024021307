// POST /parse, Duckling's HTTP API, driven in-process: each field reaches the engine (seen in the answer),
// and every refusal is in the contract's error shape. test/workerd/duckling-rasa.test.ts replays Rasa's request.
import { describe, expect, it } from "vitest";
import { expectError } from "../../../test/support/answers.js";
import { chunkedBody, chunkedInit } from "../../../test/support/chunked-body.js";
import { createApp } from "../../app.js";
import { readConfig } from "../../config.js";
import type { DucklingEntity } from "../../temporal/duckling/types.js";
import { DucklingEntitySchema } from "../schemas/duckling.js";
import { MAX_BODY_BYTES } from "../validation.js";
import { inCodePoints } from "./duckling.js";

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
    ["a malformed locale", { text: "tomorrow", locale: "en_US_POSIX" }, "locale"],
    ["a malformed lang", { text: "tomorrow", lang: "english" }, "lang"],
    ["an empty locale", { text: "tomorrow", locale: "" }, "locale"],
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
    const streamed = chunkedBody(`text=${"a".repeat(1024 * 1024)}`);
    const chunked = await app.request("/parse", chunkedInit(streamed, FORM));
    await expectError(chunked, 413, "payload_too_large");
    expect(streamed.pulled()).toBeLessThan(streamed.size);
  });

  it("answers other methods with 405 and Allow: POST", async () => {
    const response = await app.request("/parse?text=tomorrow");
    expect(response.headers.get("allow")).toBe("POST");
    await expectError(response, 405, "method_not_allowed");
  });
});

describe("POST /parse: offsets count code points, as Duckling's do", () => {
  /** What a Python client does with an entity: slice the text by code points. */
  function expectSlices(text: string, entities: { body: string; start: number; end: number }[]) {
    for (const entity of entities)
      expect([...text].slice(entity.start, entity.end).join("")).toBe(entity.body);
  }

  it("counts an emoji before the match as one: 6/21 in '👍 ok, tomorrow at 3pm', form or JSON", async () => {
    const text = "👍 ok, tomorrow at 3pm";
    for (const response of [await postForm({ text }), await postJson({ text })]) {
      const entities = await entitiesOf(response);
      expect(entities.map(({ body, start, end }) => ({ body, start, end }))).toEqual([
        { body: "tomorrow at 3pm", start: 6, end: 21 },
      ]);
    }
  });

  it("shifts only the matches after an emoji, not those before it", async () => {
    const text = "tomorrow 👍 at 3pm";
    const entities = await entitiesOf(await postForm({ text, dims: '["time"]' }));
    expect(entities.map(({ body, start, end }) => [body, start, end])).toEqual([
      ["tomorrow", 0, 8],
      ["at 3pm", 11, 17],
    ]);
  });

  it.each([
    ["a skin-tone emoji (two code points)", "👍🏽 tomorrow at 3pm", "en_US", 3],
    ["a family emoji joined by ZWJ (five code points)", "👨‍👩‍👧 tomorrow at 3pm", "en_US", 6],
    ["astral letters that are no emoji", "𝒜𠀀 mañana a las 3 de la tarde", "es_ES", 3],
    ["a tag character", "\u{E0041}tomorrow at 3pm", "en_US", 1],
  ])("counts %s by its code points", async (_label, text, locale, start) => {
    const entities = await entitiesOf(await postForm({ text, locale, dims: '["time"]' }));
    expect(entities[0]?.start).toBe(start);
    expectSlices(text, entities);
  });

  it("keeps UTF-16 and code-point offsets equal when the text has no astral character", async () => {
    const text = "Nos vemos mañana a las 9 de la mañana — ¿vale? …por 2 horas";
    const entities = await entitiesOf(await postForm({ text, locale: "es_ES" }));
    expect(entities.length).toBe(2);
    for (const entity of entities) expect(text.slice(entity.start, entity.end)).toBe(entity.body);
  });

  it("counts a lone surrogate in a JSON text as one character, as Duckling's decoder does", async () => {
    const text = "\ud83d tomorrow at 3pm";
    const entities = await entitiesOf(await postJson(`{"text": "\\ud83d tomorrow at 3pm"}`));
    expect(entities[0]).toMatchObject({ body: "tomorrow at 3pm", start: 2, end: 17 });
    expectSlices(text, entities);
  });

  it("converts an entity whose body holds an astral character, and its end past it", () => {
    const entity: DucklingEntity = {
      body: "3👍pm",
      start: 3,
      end: 8,
      dim: "time",
      latent: false,
      value: { type: "value", value: "2013-02-12T15:00:00.000-02:00", grain: "hour", values: [] },
    };
    const [converted] = inCodePoints("at 3👍pm 😀", [entity]);
    expect(converted).toMatchObject({ start: 3, end: 7, body: "3👍pm" });
    expect(inCodePoints("at 3pm", [entity])[0]).toBe(entity);
  });
});

describe("POST /parse: languages Cita does not read", () => {
  it.each(["fr_FR", "fr", "de-DE", "pt_BR", "FR_fr", "zh_CN", "ja", "ast_ES"])(
    "answers locale %s with no entities, as a text with nothing found, in a form or JSON",
    async (locale) => {
      expect(await entitiesOf(await postForm({ text: "tomorrow at 9am", locale }))).toEqual([]);
      expect(
        await entitiesOf(await postJson({ text: "tomorrow at 9am", locale, reftime: REFERENCE })),
      ).toEqual([]);
    },
  );

  it.each(["fr", "DE"])("answers lang %s (no locale) with no entities", async (lang) => {
    expect(await entitiesOf(await postForm({ text: "tomorrow at 9am", lang }))).toEqual([]);
  });

  it("reads the locale before lang, as Duckling does", async () => {
    expect(
      await entitiesOf(await postForm({ text: "tomorrow at 9am", locale: "fr_FR", lang: "en" })),
    ).toEqual([]);
    const english = await entitiesOf(
      await postForm({ text: "tomorrow at 9am", locale: "en_US", lang: "fr" }),
    );
    expect(english.map((entity) => entity.dim)).toContain("time");
  });

  it("still refuses a malformed request in another language with 400", async () => {
    await expectError(
      await postForm({ text: "demain", locale: "fr_FR", reftime: "soon" }),
      400,
      "invalid_request",
      "reftime",
    );
    await expectError(await postJson('{"text": "demain", "locale": "fr_FR"'), 400, "invalid_json");
    await expectError(await postForm({ text: " ", locale: "fr_FR" }), 400, "invalid_request", "text");
  });
});

describe("POST /parse: tz spellings", () => {
  it.each(["aSiA/tOkYo", "ASIA/TOKYO"])("reads tz %s as Asia/Tokyo", async (tz) => {
    const fields = { text: "tomorrow at 9am for 2 hours", tz, reftime: String(REFERENCE) };
    const spelled = await entitiesOf(await postForm({ ...fields, tz: "Asia/Tokyo" }));
    expect(await entitiesOf(await postForm(fields))).toEqual(spelled);
    expect(spelled.length).toBeGreaterThan(0);
  });
});
