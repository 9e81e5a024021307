// Node and workerd must answer alike: the same golden requests go to the app in process (Node) and to a real
// `wrangler dev` on local workerd, and the JSON answers must match except for timings.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { openSqliteStore } from "../../src/calendars/sqlite-store.js";
import { readConfig } from "../../src/config.js";
import { readableText } from "../../src/coordinator/context.js";
import { type Comparable, type Exchange, parityClient, parseRequest } from "../support/parity.js";
import { RULES_WORKER_VARIABLES, useWorker } from "../support/workers.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SAMPLE_SIZE = 36;

interface GoldenCase {
  id: string;
  file: string;
  text: string;
  locale?: string;
  timezone: string;
  now: string;
  tags: string[];
}

function loadGoldenCases(): GoldenCase[] {
  const directory = join(ROOT, "fixtures", "golden");
  const files = readdirSync(directory)
    .filter((name) => name.endsWith(".jsonl"))
    .sort();
  return files.flatMap((file) =>
    readFileSync(join(directory, file), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => ({ ...(JSON.parse(line) as Omit<GoldenCase, "file">), file })),
  );
}

function languageOf(golden: GoldenCase): string {
  return readableText(golden.text, golden.locale ?? null).language;
}

/** Every k-th case, plus the first case of each file, zone, language and DST transition the stride missed. */
function sampleCases(cases: GoldenCase[]): GoldenCase[] {
  const step = Math.max(1, Math.floor(cases.length / SAMPLE_SIZE));
  const chosen = new Set(cases.filter((_, index) => index % step === 0));
  const covered = new Set<string>();
  const keysOf = (golden: GoldenCase) => [
    `file:${golden.file}`,
    `zone:${golden.timezone}`,
    `language:${languageOf(golden)}`,
    ...golden.tags.filter((tag) => ["spring-forward", "fall-back"].includes(tag)).map((tag) => `tag:${tag}`),
  ];
  for (const golden of chosen) for (const key of keysOf(golden)) covered.add(key);
  for (const golden of cases) {
    const missing = keysOf(golden).filter((key) => !covered.has(key));
    if (missing.length === 0) continue;
    chosen.add(golden);
    for (const key of missing) covered.add(key);
  }
  return cases.filter((golden) => chosen.has(golden));
}

const allCases = loadGoldenCases();
const sample = sampleCases(allCases);
// The rules worker's variables for Node too, so a change to wrangler.toml's [vars] cannot make them differ.
// A SQLite calendar store, as `npm start` has, beside the worker's D1.
const folder = mkdtempSync(join(tmpdir(), "cita-parity-"));
const store = await openSqliteStore(join(folder, "cita.db"));
afterAll(async () => {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
});
const app = createApp({ config: readConfig(RULES_WORKER_VARIABLES), store });
const workerUrl = useWorker("rules");

const onBoth = parityClient(app, workerUrl);

describe("Node and workerd answer alike", () => {
  // A start-up failure (test/support/workerd-setup.ts) is reported here and fails every other test.
  it("wrangler dev starts on local workerd and answers GET /health", () => {
    expect(workerUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("samples enough golden cases: both languages, several zones, the DST transitions", () => {
    expect(sample.length).toBeGreaterThanOrEqual(30);
    expect(new Set(sample.map(languageOf))).toEqual(new Set(["es", "en"]));
    expect(new Set(sample.map((golden) => golden.timezone)).size).toBeGreaterThanOrEqual(3);
    if (allCases.some((golden) => golden.tags.includes("dst"))) {
      expect(sample.some((golden) => golden.tags.includes("dst"))).toBe(true);
    }
  });

  it.each(sample)("golden $id ($timezone)", async (golden) => {
    const request = { text: golden.text, locale: golden.locale, timezone: golden.timezone, now: golden.now };
    const { node, workerd } = await onBoth(parseRequest(JSON.stringify(request), `parity-${golden.id}`));
    expect(node.status).toBe(200);
    expect(workerd).toEqual(node);
  });

  it.each<[string, Exchange]>([
    ["invalid JSON", parseRequest('{"text": "mañana a las 10"', "parity-invalid-json")],
    ["invalid zone", parseRequest('{"text": "tomorrow at 9am", "timezone": "Mars/Base"}', "parity-zone")],
    ["unknown field", parseRequest('{"text": "tomorrow at 9am", "extra": 1}', "parity-field")],
    [
      "wrong media type",
      {
        method: "POST",
        path: "/v1/appointments/parse",
        headers: { "x-request-id": "parity-media" },
        body: "x",
      },
    ],
    [
      "wrong method",
      { method: "GET", path: "/v1/appointments/parse", headers: { "x-request-id": "parity-method" } },
    ],
    ["unknown route", { method: "GET", path: "/nowhere", headers: { "x-request-id": "parity-route" } }],
  ])("%s", async (_, exchange) => {
    const { node, workerd } = await onBoth(exchange);
    expect(workerd).toEqual(node);
  });

  it("answers GET /health alike, each naming its own stores", async () => {
    const { node, workerd } = await onBoth({
      method: "GET",
      path: "/health",
      headers: { "x-request-id": "parity-health" },
    });
    const storesOf = (answer: Comparable) =>
      (answer.body as { stores: { calendars: { engine: string }; shared?: unknown } }).stores;
    expect([storesOf(node).calendars.engine, storesOf(workerd).calendars.engine]).toEqual(["sqlite", "d1"]);
    // The worker's configuration binds the router-state object (a rules worker never syncs with it); Node
    // without REDIS_URL shares nothing and says nothing.
    expect(storesOf(workerd).shared).toEqual({ store: "durable-object", state: "ok", syncedAt: null });
    expect(storesOf(node)).not.toHaveProperty("shared");
    // Alike but for what each runtime's own engines are.
    storesOf(node).calendars.engine = "d1";
    delete storesOf(workerd).shared;
    expect(workerd).toEqual(node);
  });

  it("answers invalid JSON with 400 and the error shape", async () => {
    const { workerd } = await onBoth(parseRequest("{not json", "parity-error-shape"));
    expect(workerd.status).toBe(400);
    expect(workerd.body).toEqual({
      error: { code: "invalid_json", message: expect.any(String), requestId: "parity-error-shape" },
    });
  });
});
