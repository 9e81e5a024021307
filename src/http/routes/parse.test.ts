// POST /v1/appointments/parse (shared/spec/api.md), driven in process with app.request(): the text rules,
// the body's size and shape, every refusal in the contract's error shape, and what an answer changes. The
// same route over a real socket, as the Node entry serves it, is test/http.test.ts.

import { describe, expect, it } from "vitest";
import { expectError, STACK_TRACE } from "../../../test/support/answers.js";
import { chunkedBody, chunkedInit } from "../../../test/support/chunked-body.js";
import {
  bodyOfSize,
  expectParsed,
  loggedApp,
  NOW,
  ONE_MEGABYTE,
  PARSE,
  pinned,
  post,
  ZONE,
} from "../../../test/support/parse-requests.js";
import { createApp } from "../../app.js";
import { openSqliteStore } from "../../calendars/sqlite-store.js";
import { readConfig } from "../../config.js";
import { MAX_PARSE_BODY_BYTES } from "../schemas/parse.js";

describe("POST /v1/appointments/parse: text", () => {
  const { app } = loggedApp();

  it.each([
    ["empty", ""],
    ["spaces, tabs and newlines", "   \n\t  \r\n "],
    ["non-ASCII white space", "\u00a0\u3000\u2003\ufeff"],
  ])("rejects %s text with 400 invalid_request naming text", async (_label, text) => {
    const error = await expectError(await post(app, pinned(text)), 400, "invalid_request");
    expect(error.message).toMatch(/\btext\b/);
  });

  it("rejects a missing text naming text", async () => {
    const error = await expectError(await post(app, { timezone: ZONE }), 400, "invalid_request");
    expect(error.message).toMatch(/\btext\b/);
  });

  it("rejects a text that is not a string", async () => {
    const error = await expectError(await post(app, pinned(42 as unknown as string)), 400, "invalid_request");
    expect(error.message).toMatch(/\btext\b/);
  });

  it("rejects 2001 characters with 400 naming text", async () => {
    const error = await expectError(await post(app, pinned("a".repeat(2001))), 400, "invalid_request");
    expect(error.message).toMatch(/\btext\b/);
    expect(error.message).toMatch(/2000/);
  });

  it("accepts exactly 2000 characters, and 2000 surrounded by white space (the limit is after trimming)", async () => {
    await expectParsed(await post(app, pinned("a".repeat(2000))));
    await expectParsed(await post(app, pinned(`   ${"a".repeat(2000)}\n\n`)));
  });

  it("counts characters, not UTF-16 units: 2000 emoji pass, 2001 do not", async () => {
    await expectParsed(await post(app, pinned("😀".repeat(2000))));
    const error = await expectError(await post(app, pinned("😀".repeat(2001))), 400, "invalid_request");
    expect(error.message).toMatch(/2000/);
  });

  it.each([
    ["only emoji", "😀🎉👍🏽👨‍👩‍👧‍👦"],
    ["only control characters", "\u0001\u0002\u0003\u0007\u001b\u007f"],
    ["French", "Je voudrais un rendez-vous demain à 10h avec le docteur"],
    ["German", "Ich möchte bitte einen Termin morgen um 10 Uhr"],
  ])("answers %s with 200 needs_clarification and no appointment", async (_label, text) => {
    const body = await expectParsed(await post(app, pinned(text)));
    expect(body.status).toBe("needs_clarification");
    expect(body.appointment.start).toBeNull();
    expect(body.appointment.date).toBeNull();
    expect(body.ambiguities.length).toBeGreaterThan(0);
  });
});

describe("POST /v1/appointments/parse: body size", () => {
  const { app } = loggedApp();

  it("answers a 1 MB body announced by Content-Length with 413 payload_too_large", async () => {
    const body = bodyOfSize(ONE_MEGABYTE);
    const response = await post(app, body, { "content-length": String(body.length) });
    await expectError(response, 413, "payload_too_large");
  });

  it("draws the line at 64 KiB: one byte over is 413, exactly the limit is read (and then too long)", async () => {
    const over = bodyOfSize(MAX_PARSE_BODY_BYTES + 1);
    await expectError(
      await post(app, over, { "content-length": String(over.length) }),
      413,
      "payload_too_large",
    );
    const at = bodyOfSize(MAX_PARSE_BODY_BYTES);
    const error = await expectError(
      await post(app, at, { "content-length": String(at.length) }),
      400,
      "invalid_request",
    );
    expect(error.message).toMatch(/\btext\b/);
  });

  it("reads a refused chunked body to its end up to four times the limit, and cuts off a longer one", async () => {
    const drained = chunkedBody(bodyOfSize(4 * MAX_PARSE_BODY_BYTES - 1024));
    await expectError(
      await app.request(PARSE, chunkedInit(drained, "application/json")),
      413,
      "payload_too_large",
    );
    expect(drained.pulled()).toBe(drained.size);
    const cut = chunkedBody(bodyOfSize(5 * MAX_PARSE_BODY_BYTES));
    await expectError(
      await app.request(PARSE, chunkedInit(cut, "application/json")),
      413,
      "payload_too_large",
    );
    expect(cut.pulled()).toBeLessThan(cut.size);
  });

  it("answers a 1 MB chunked body (a stream, no Content-Length) with 413 and stops reading it", async () => {
    const body = chunkedBody(bodyOfSize(ONE_MEGABYTE));
    const response = await app.request(PARSE, chunkedInit(body, "application/json"));
    expect(response.headers.get("content-length")).not.toBe(String(body.size));
    await expectError(response, 413, "payload_too_large");
    expect(body.pulled()).toBeLessThan(body.size);
  });

  // Served as the Node entry serves the app: batched by event-loop turn (src/node-serve.ts).
});

describe("POST /v1/appointments/parse: malformed requests", () => {
  const { app } = loggedApp();

  it.each([
    ["a broken object", "{bad"],
    ["a trailing comma", '{"text": "cita mañana",}'],
    ["an empty body", ""],
  ])("answers %s with 400 invalid_json", async (_label, raw) => {
    await expectError(await post(app, raw), 400, "invalid_json");
  });

  it.each([
    ["an array", "[1, 2]"],
    ["null", "null"],
    ["a string", '"cita mañana a las 10"'],
  ])("answers JSON that is %s with 400 invalid_request", async (_label, raw) => {
    await expectError(await post(app, raw), 400, "invalid_request");
  });

  it("answers text/plain with 415 unsupported_media_type", async () => {
    const response = await post(app, pinned("cita mañana a las 10"), { "content-type": "text/plain" });
    await expectError(response, 415, "unsupported_media_type");
  });

  it("answers a body without a content type with 415", async () => {
    const response = await app.request(PARSE, {
      method: "POST",
      body: new Blob([JSON.stringify(pinned("cita mañana a las 10"))]),
    });
    await expectError(response, 415, "unsupported_media_type");
  });

  it("accepts application/json with a charset", async () => {
    await expectParsed(
      await post(app, pinned("cita mañana a las 10"), { "content-type": "application/json; charset=utf-8" }),
    );
  });

  it.each([
    ["confidence", 0.99],
    ["status", "complete"],
    ["provider", "openai"],
  ])("rejects the unknown field %s with 400 naming it", async (field, value) => {
    const error = await expectError(
      await post(app, pinned("cita mañana a las 10", { [field]: value })),
      400,
      "invalid_request",
    );
    expect(error.message).toContain(field);
  });

  it.each([
    ["an unknown zone", "Mars/Olympus_Mons"],
    ["an empty zone", ""],
    ["an offset instead of a zone name", "+02:00 Madrid"],
  ])("rejects %s as timezone", async (_label, timezone) => {
    const error = await expectError(
      await post(app, pinned("cita mañana a las 10", { timezone })),
      400,
      "invalid_request",
    );
    expect(error.message).toMatch(/\btimezone\b/);
  });

  it.each([
    ["no offset", "2026-01-22T10:30:00"],
    ["garbage", "next tuesday-ish"],
    ["a date only", "2026-01-22"],
    ["February 30th", "2026-02-30T10:00:00+01:00"],
    ["hour 25", "2026-01-22T25:00:00Z"],
    ["a number", 1769099400000],
  ])("rejects now with %s", async (_label, now) => {
    const error = await expectError(
      await post(app, pinned("cita mañana a las 10", { now })),
      400,
      "invalid_request",
    );
    expect(error.message).toMatch(/\bnow\b/);
  });

  it.each([
    ["a garbage tag", "!!not a locale!!"],
    ["an unsupported language", "fr-FR"],
    ["German", "de"],
    ["a POSIX locale name", "es_ES"],
  ])("rejects %s as locale", async (_label, locale) => {
    const error = await expectError(
      await post(app, pinned("cita mañana a las 10", { locale })),
      400,
      "invalid_request",
    );
    expect(error.message).toMatch(/\blocale\b/);
  });

  it.each(["es", "es-MX", "es-ES", "es-AR", "en", "en-US", "en-GB"])(
    "accepts the locale %s",
    async (locale) => {
      await expectParsed(await post(app, pinned("cita mañana a las 10", { locale })));
    },
  );

  it("rejects an unknown mode", async () => {
    const error = await expectError(
      await post(app, pinned("cita mañana a las 10", { mode: "magic" })),
      400,
      "invalid_request",
    );
    expect(error.message).toMatch(/\bmode\b/);
  });

  it("answers mode llm with no provider configured with 503 llm_unavailable", async () => {
    await expectError(
      await post(app, pinned("cita mañana a las 10", { mode: "llm" })),
      503,
      "llm_unavailable",
    );
  });

  it("answers modes rules and auto with the rules parser", async () => {
    for (const mode of ["rules", "auto"]) {
      const body = await expectParsed(await post(app, pinned("cita mañana a las 10", { mode })));
      expect(body.meta.mode).toBe("rules");
    }
  });

  it("answers a body that fails while being read with 500 internal", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"text": "cita ma'));
      },
      pull(controller) {
        controller.error(new Error("connection reset by peer"));
      },
    });
    const response = await app.request(PARSE, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const error = await expectError(response, 500, "internal");
    expect(error.message).not.toContain("connection reset");
  });
});

describe("routes", () => {
  const { app } = loggedApp();

  it.each(["GET", "PUT", "DELETE", "PATCH"])(
    "answers %s on the parse route with 405 and Allow: POST",
    async (method) => {
      const response = await app.request(PARSE, { method });
      expect(response.headers.get("allow")).toBe("POST");
      await expectError(response, 405, "method_not_allowed");
    },
  );
});

describe("answers and side effects", () => {
  it("answers a complete request in the ParseResponse shape with the pinned date and offset", async () => {
    const { app } = loggedApp();
    const body = await expectParsed(await post(app, pinned("cita con el Dr. Pérez mañana a las 10")));
    expect(body.status).toBe("complete");
    expect(body.appointment).toMatchObject({
      contact: "Dr. Pérez",
      date: "2026-01-23",
      time: "10:00",
      start: "2026-01-23T10:00:00-06:00",
      timezone: ZONE,
    });
    expect(body.meta.agents[0]).toBe("parsing");
  });

  it("puts no stack trace in any response or log line, whatever goes wrong", async () => {
    const { app, lines } = loggedApp();
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new TypeError("stream broke"));
      },
    });
    const responses = await Promise.all([
      post(app, pinned("")),
      post(app, pinned("a".repeat(2001))),
      post(app, bodyOfSize(ONE_MEGABYTE)),
      post(app, "{bad"),
      post(app, pinned("x"), { "content-type": "text/plain" }),
      post(app, pinned("x", { confidence: 1 })),
      post(app, pinned("x", { timezone: "Nowhere/Land" })),
      post(app, pinned("x", { now: "garbage" })),
      post(app, pinned("x", { locale: "fr-FR" })),
      post(app, pinned("x", { mode: "llm" })),
      post(app, pinned("😀")),
      post(app, pinned("cita mañana a las 25:99 con el Dr.")),
      app.request(PARSE),
      app.request("/nowhere"),
      app.request(PARSE, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: failing,
        duplex: "half",
      } as RequestInit),
    ]);
    const statuses = responses.map((response) => response.status);
    expect(statuses).toContain(500);
    expect(statuses).toContain(413);
    for (const response of responses) {
      const raw = await response.text();
      expect(raw).not.toMatch(STACK_TRACE);
      expect(raw).not.toContain("stream broke");
    }
    expect(lines.length).toBeGreaterThanOrEqual(responses.length);
    for (const line of lines) {
      expect(line).not.toMatch(STACK_TRACE);
      expect(() => JSON.parse(line)).not.toThrow();
    }
  });

  it("changes nothing when a request fails validation", async () => {
    const { app } = loggedApp();
    const valid = pinned("turno con la Dra. Gómez el viernes a las 4 de la tarde", { locale: "es-AR" });
    const answer = async () => {
      const body = await expectParsed(await post(app, valid, { "x-request-id": "same-id" }));
      const { timingsMs, ...meta } = body.meta;
      expect(Object.keys(timingsMs)).toEqual(meta.agents);
      return { ...body, meta };
    };
    const before = await answer();
    expect(before.status).toBe("complete");
    const rejected = await Promise.all([
      post(app, { ...valid, confidence: 1 }),
      post(app, { ...valid, status: "invalid" }),
      post(app, { ...valid, timezone: "Europe/Nowhere" }),
      post(app, { ...valid, locale: "fr-FR" }),
      post(app, { ...valid, now: "2026-02-30T10:00:00Z" }),
      post(app, { ...valid, text: "" }),
      post(app, JSON.stringify(valid).slice(0, -1)),
      post(app, bodyOfSize(ONE_MEGABYTE)),
    ]);
    for (const response of rejected) expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await answer()).toEqual(before);
  });
});

describe("POST /v1/appointments/parse: time-zone spellings", () => {
  const { app } = loggedApp();
  const text = "cita con el Dr. Pérez mañana a las 10";

  it.each([
    ["aMeRiCa/mExIcO_cItY", "America/Mexico_City"],
    ["AMERICA/MEXICO_CITY", "America/Mexico_City"],
    ["us/eastern", "US/Eastern"],
    ["US/Eastern", "US/Eastern"],
    ["america/argentina/buenos_aires", "America/Argentina/Buenos_Aires"],
    ["Asia/Kolkata", "Asia/Kolkata"],
  ])("reads %s as %s and answers that spelling", async (timezone, canonical) => {
    const body = await expectParsed(await post(app, pinned(text, { timezone })));
    const spelled = await expectParsed(await post(app, pinned(text, { timezone: canonical })));
    expect(body.appointment.timezone).toBe(canonical);
    expect(body.appointment.start).not.toBeNull();
    expect(body.appointment).toEqual(spelled.appointment);
  });

  it("reads DEFAULT_TIMEZONE in any letter case and answers its canonical spelling", async () => {
    const lower = createApp({ config: readConfig({ DEFAULT_TIMEZONE: "america/mexico_city" }) });
    const body = await expectParsed(await post(lower, { text, now: NOW }));
    expect(body.appointment).toMatchObject({ timezone: ZONE, start: "2026-01-23T10:00:00-06:00" });
  });

  it.each([
    ["a misspelt zone in another case", "eUrOpE/mAdIrD"],
    ["65 characters", `America/${"x".repeat(57)}`],
  ])("still refuses %s naming timezone", async (_label, timezone) => {
    const error = await expectError(await post(app, pinned(text, { timezone })), 400, "invalid_request");
    expect(error.message).toMatch(/\btimezone\b/);
  });
});

describe("POST /v1/appointments/parse: a calendar the service does not know", () => {
  it("answers 404 not_found naming it, with or without a calendar store", async () => {
    const store = await openSqliteStore(":memory:");
    await store.migrate();
    const withStore = createApp({ config: readConfig({}), store });
    const { app: withoutStore } = loggedApp();
    for (const app of [withStore, withoutStore]) {
      const error = await expectError(
        await post(app, pinned("cita mañana a las 10", { calendarId: "nobody" })),
        404,
        "not_found",
      );
      expect(error.message).toBe("Unknown calendar: nobody.");
    }
    await store.close();
  });
});
