// Requests to POST /v1/appointments/parse in process, pinned to a zone and an instant so answers do not
// depend on the clock, and the checks on a parse answer.
import { expect } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { jsonLogger } from "../../src/http/logger.js";
import { type ParseResponse, ParseResponseSchema } from "../../src/http/schemas/parse.js";
import { STACK_TRACE } from "./answers.js";

export const PARSE = "/v1/appointments/parse";
export const NOW = "2026-01-22T10:30:00-06:00";
export const ZONE = "America/Mexico_City";
export const ONE_MEGABYTE = 1024 * 1024;

export type App = ReturnType<typeof createApp>;

/** An app whose every log line (debug included) is kept for inspection. */
export function loggedApp(): { app: App; lines: string[] } {
  const lines: string[] = [];
  const config = readConfig({ LOG_LEVEL: "debug" });
  return { app: createApp({ config, logger: jsonLogger("debug", (line) => lines.push(line)) }), lines };
}

export function post(app: App, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    app.request(PARSE, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

/** A request body that names the zone and the reference instant, so answers do not depend on the clock. */
export function pinned(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { text, timezone: ZONE, now: NOW, ...extra };
}

export async function expectParsed(response: Response): Promise<ParseResponse> {
  const raw = await response.text();
  expect(response.status, raw).toBe(200);
  expect(raw).not.toMatch(STACK_TRACE);
  const body = ParseResponseSchema.parse(JSON.parse(raw));
  expect(body.meta.requestId).toBe(response.headers.get("x-request-id"));
  return body;
}

/** A body of exactly `bytes` bytes: {"text":"aaa…"}. */
export function bodyOfSize(bytes: number): string {
  const frame = JSON.stringify({ text: "" }).length;
  return JSON.stringify({ text: "a".repeat(bytes - frame) });
}

/** A haircut request at one of nine hours by `index`: texts that differ, so no answer comes from a cache. */
export function haircutRequest(index: number): { text: string; timezone: string } {
  return { text: `Book a haircut tomorrow at ${(index % 9) + 1}pm`, timezone: "Europe/London" };
}
