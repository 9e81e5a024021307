// The README's examples are real: every curl command it shows against Cita (127.0.0.1:8787 or
// localhost:8787) runs in process against the app, in the README's order (the calendar is created before
// it is booked and read), and its answer must equal the JSON the README prints beside it, ids, timings and
// creation times aside. A command shown without an answer must still succeed (2xx). The provider
// simulator's commands (port 8790) are left to the simulator's own tests.
//
// The README's examples run as it says they were made: `ADMIN_TOKEN=… npm start` (rules mode, a SQLite
// calendar store), and, for the admin calls of "Operations", a server with providers and the model
// registry of "Model registry" configured. The clock is pinned before the README's booking (12 January
// 2027), so the examples stay true after that date.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { openSqliteStore, type SqliteCalendarStore } from "../src/calendars/sqlite-store.js";
import { readConfig } from "../src/config.js";
import { type DocumentedRequest, documentedRequests } from "./support/documented-requests.js";

const README = new URL("../README.md", import.meta.url);
/** What `openssl rand -hex 32` gives: the README's $ADMIN_TOKEN. */
const ADMIN_TOKEN = "5f0c3e9a1b7d24c68e0f9a3b5c7d1e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d";
const CLOCK = Date.parse("2027-01-08T12:00:00+01:00");
const CITA = /^http:\/\/(127\.0\.0\.1|localhost):8787\//;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The README's model registry example ("Model registry"), so its admin calls have a variant to act on. */
const MODEL_REGISTRY =
  '{"parsing": {"finetuned": {"provider": "openai-compatible", "model": "cita-parsing-ft-3", "maxTokens": 300}, "rolloutPercent": 10}}';

/**
 * What may differ between runs: request and booking ids (UUIDs), creation times, and how long each agent
 * took (which agents ran still counts).
 */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value === "string") return UUID.test(value) ? "<uuid>" : value;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => {
      if (key === "createdAt" || key === "checkedAt") return [key, "<time>"];
      if (key === "timingsMs") return [key, Object.keys(entry as object).sort()];
      return [key, comparable(entry)];
    }),
  );
}

function isErrorAnswer(answer: unknown): boolean {
  return typeof answer === "object" && answer !== null && "error" in answer;
}

const requests = documentedRequests(readFileSync(README, "utf8"), { ADMIN_TOKEN });
const citaRequests = requests.filter(({ request }) => CITA.test(request.url));

describe("the README's requests", () => {
  let directory: string;
  let store: SqliteCalendarStore;
  let startApp: ReturnType<typeof createApp>;
  let operationsApp: ReturnType<typeof createApp>;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "cita-readme-"));
    store = await openSqliteStore(join(directory, "cita.db"));
    startApp = createApp({ config: readConfig({ ADMIN_TOKEN }), store, clock: () => CLOCK });
    // Provider keys only: admin calls change the router's settings and call no provider.
    operationsApp = createApp({
      config: readConfig({
        ADMIN_TOKEN,
        QWEN_API_KEY: "sk-readme",
        OPENAI_API_KEY: "sk-readme",
        ANTHROPIC_API_KEY: "sk-readme",
        OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:9/v1",
        OPENAI_COMPATIBLE_MODEL: "llama3",
        MODEL_REGISTRY,
      }),
      clock: () => CLOCK,
    });
  });

  afterAll(async () => {
    await store?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("cover parsing, the Duckling endpoint, calendars, bookings, health and the admin calls", () => {
    const routes = citaRequests.map(({ request }) => `${request.method} ${new URL(request.url).pathname}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        "POST /v1/appointments/parse",
        "POST /parse",
        "GET /health",
        "PUT /v1/calendars/dr-perez",
        "POST /v1/calendars/dr-perez/bookings",
        "GET /admin/router",
        "PUT /admin/models/parsing",
      ]),
    );
    expect(citaRequests.filter(({ answer }) => answer !== undefined).length).toBeGreaterThanOrEqual(8);
  });

  it.each(citaRequests.map((documented) => [`line ${documented.line}: ${documented.command}`, documented]))(
    "%s",
    async (_name, documented: DocumentedRequest) => {
      const { method, url, headers, body } = documented.request;
      const app = new URL(url).pathname.startsWith("/admin/") ? operationsApp : startApp;
      const response = await app.request(url, { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await response.text();
      if (documented.answer === undefined) {
        expect(response.status, text).toBeLessThan(300);
        return;
      }
      if (isErrorAnswer(documented.answer)) expect(response.status, text).toBeGreaterThanOrEqual(400);
      else expect(response.status, text).toBeLessThan(300);
      expect(comparable(JSON.parse(text))).toEqual(comparable(documented.answer));
    },
  );
});
