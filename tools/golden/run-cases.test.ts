import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import type { LoadedCase } from "./fixtures.js";
import { httpTarget, inProcessTarget, requestFor, runCases, type Target } from "./run-cases.js";

const config = readConfig({});

const cases: LoadedCase[] = [
  {
    id: "t-1",
    text: "cita mañana 10am con Dr. Pérez",
    locale: "es",
    timezone: "America/Mexico_City",
    now: "2026-01-22T10:30:00-06:00",
    expect: { contact: "Pérez", date: "2026-01-23", time: "10:00", start: "2026-01-23T10:00:00-06:00" },
    file: "inline",
    line: 1,
  },
  {
    id: "t-2",
    text: "I need an appointment with the dentist",
    now: "2026-01-22T10:30:00Z",
    expect: { date: "2030-01-01" },
    ambiguity: "date",
    file: "inline",
    line: 2,
  },
  {
    id: "t-3",
    // A chat may open with the assistant's greeting; only the last message must be the user's.
    messages: [
      { role: "assistant", content: "¡Hola! ¿En qué te ayudo?" },
      { role: "user", content: "cita mañana 10am con Dr. Pérez" },
    ],
    locale: "es",
    timezone: "America/Mexico_City",
    now: "2026-01-22T10:30:00-06:00",
    expect: { date: "2026-01-23", time: "10:00", intent: "cancel", previous: null },
    file: "inline",
    line: 3,
  },
];

describe("requestFor", () => {
  it("sends only the keys the case has", () => {
    expect(requestFor(cases[1]!)).toEqual({ text: cases[1]!.text, now: "2026-01-22T10:30:00Z" });
  });

  it("sends a conversation as messages, without a text", () => {
    expect(requestFor(cases[2]!)).toEqual({
      messages: cases[2]!.messages,
      locale: "es",
      timezone: "America/Mexico_City",
      now: "2026-01-22T10:30:00-06:00",
    });
  });
});

// The same cases through both targets must give the same verdicts, field by field.
describe.each([
  ["in process", () => inProcessTarget(config)],
  ["over HTTP", () => httpTarget(baseUrl)],
])("%s", (_, target: () => Target) => {
  it("passes and fails the same fields", async () => {
    const [first, second, conversation] = await runCases(target(), cases);
    expect(first).toMatchObject({ passed: true });
    expect(second!.checks.map((check) => [check.field, check.passed])).toEqual([
      ["date", false],
      ["ambiguity", true],
    ]);
    expect(conversation!.checks.map((check) => [check.field, check.passed, check.got])).toEqual([
      ["date", true, "2026-01-23"],
      ["time", true, "10:00"],
      ["intent", false, "book"],
      ["previous", true, null],
    ]);
    // Each answer's confidence, for the calibration table: the same through both targets.
    expect(first!.confidence).toBeGreaterThan(0.9);
    expect([first, second, conversation].map((result) => result!.appointment)).toEqual([true, true, true]);
  });
});

describe("httpTarget", () => {
  it("turns an error response into a thrown error naming the code", async () => {
    await expect(httpTarget(baseUrl)({ text: " " }, "t-3")).rejects.toThrow(/HTTP 400 invalid_request/);
  });

  it("records an unreachable server as an error on every checked field", async () => {
    const [result] = await runCases(httpTarget("http://127.0.0.1:1"), [cases[0]!]);
    expect(result!.error).toBeDefined();
    expect(result!.checks.every((check) => !check.passed && check.got === undefined)).toBe(true);
    expect(result).toMatchObject({ confidence: null, appointment: false });
  });
});

let server: ServerType;
let baseUrl = "";

beforeAll(async () => {
  const app = createApp({ config });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) => {
      baseUrl = `http://127.0.0.1:${info.port}/`;
      resolve();
    });
  });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
