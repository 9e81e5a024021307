// Runs golden cases against a target: the service in process, or a running server over HTTP.
import type { CalendarStore } from "../../src/calendars/store.js";
import type { Config } from "../../src/config.js";
import type { ParseRequest } from "../../src/http/schemas/parse.js";
import { parseAppointment } from "../../src/service.js";
import { requestFor as requestFields } from "../../src/web/public/static/golden/compare.js";
import { compareCase, type FieldCheck, type GoldenResponse, missedChecks } from "./compare.js";
import type { GoldenCase, LoadedCase } from "./fixtures.js";

/** Answers one request; `id` names the case so a server's logs can be matched to it. */
export type Target = (request: ParseRequest, id: string) => Promise<GoldenResponse>;

export interface CaseResult {
  golden: LoadedCase;
  passed: boolean;
  checks: FieldCheck[];
  /** Why the target gave no usable response. */
  error?: string;
  durationMs: number;
  /** The answer's `confidence` (null without a usable response), for the calibration report. */
  confidence: number | null;
  /** Whether the answer read an appointment (intent other than `none`). */
  appointment: boolean;
}

/** The request a case sends: its text or its conversation, and only the optional keys it has. */
export function requestFor(golden: GoldenCase): ParseRequest {
  return requestFields(golden);
}

/** The service in process; cases with a `calendarId` need a store seeded with fixtures/calendars.json. */
export function inProcessTarget(config: Config, store: CalendarStore | null = null): Target {
  return (request, id) => parseAppointment(request, { config, store, requestId: id });
}

export function httpTarget(baseUrl: string, fetcher: typeof fetch = fetch): Target {
  const url = `${baseUrl.replace(/\/+$/, "")}/v1/appointments/parse`;
  return async (request, id) => {
    const response = await fetcher(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": id },
      body: JSON.stringify(request),
    });
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (!response.ok) {
      const error = body?.error as { code?: string; message?: string } | undefined;
      throw new Error(`HTTP ${response.status} ${error?.code ?? ""}: ${error?.message ?? "no error body"}`);
    }
    if (
      typeof body?.appointment !== "object" ||
      body.appointment === null ||
      !Array.isArray(body.ambiguities)
    ) {
      throw new Error(`HTTP ${response.status}: the body is not a parse response`);
    }
    return body as unknown as GoldenResponse;
  };
}

export async function runCase(target: Target, golden: LoadedCase): Promise<CaseResult> {
  const started = performance.now();
  try {
    const response = await target(requestFor(golden), golden.id);
    const checks = compareCase(golden, response);
    const durationMs = performance.now() - started;
    const { confidence } = response as { confidence?: unknown };
    return {
      golden,
      passed: checks.every((check) => check.passed),
      checks,
      durationMs,
      confidence: typeof confidence === "number" ? confidence : null,
      appointment: response.intent !== "none",
    };
  } catch (error) {
    const checks = missedChecks(golden);
    const message = error instanceof Error ? error.message : String(error);
    const durationMs = performance.now() - started;
    return {
      golden,
      passed: false,
      checks,
      error: message,
      durationMs,
      confidence: null,
      appointment: false,
    };
  }
}

/** Runs the cases one after another, so a server is never flooded and timings stay comparable. */
export async function runCases(target: Target, cases: readonly LoadedCase[]): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const golden of cases) results.push(await runCase(target, golden));
  return results;
}
