// The metrics of a Worker as one service: every isolate counts in its own registry and flushes what its
// counters and histograms gained (src/metrics/deltas.ts) to this one Durable Object, which adds them up in a
// registry of the same families and renders their sum at each scrape (src/metrics/durable-object-client.ts).
// The sums are written to the object's storage as they change, so an object evicted or restarted carries on
// from them and a counter never goes back. Each batch carries its isolate's flush number: a batch already
// applied (sent again because its answer was lost) is acknowledged and not added twice. What it holds is
// bounded: series up to MAX_SERIES (their label values come from fixed sets, docs/scale.md), isolates'
// flush numbers up to MAX_ISOLATES. It also keeps the fleet's last hour minute by minute for the operations
// page (GET /timeline, src/metrics/timeline.ts): each batch's deltas counted in the minute it arrived (an
// isolate flushes within a second of counting). That hour lives in memory only: an object evicted or
// restarted starts a new one. The fleet gauges (src/metrics/fleet-gauges.ts: is an incident open, its
// severity) are each isolate's last values, kept with its flush number, combined over the isolates heard
// from in the last FLEET_READING_MAX_AGE_MS: an isolate gone quiet no longer holds the fleet's value.
import { type CitaMetrics, createCitaMetrics } from "./cita.js";
import { batchOf, type SeriesDelta, seriesDeltaOf } from "./deltas.js";
import { combineReadings, FLEET_GAUGES, type FleetReading, fleetReadingsOf } from "./fleet-gauges.js";
import { CONTENT_TYPE, type Kind } from "./registry.js";
import { Timeline } from "./timeline.js";

/** Far above Cita's own count (a few hundred series); past it, new series are dropped and counted. */
export const MAX_SERIES = 5_000;
/** Isolates whose last flush number is remembered; a replay from one forgotten would be added again. */
export const MAX_ISOLATES = 1_000;
/** The families the object sums; gauges stay with the isolate that answers the scrape. */
export const SUMMED_KINDS: readonly Kind[] = ["counter", "histogram"];
/**
 * An isolate's fleet gauges count this long after its last flush. A live isolate flushes within a second of
 * each request and re-sends its values at least every FLEET_READING_REFRESH_MS
 * (src/metrics/durable-object-client.ts), so only an isolate without traffic (or gone) falls out.
 */
export const FLEET_READING_MAX_AGE_MS = 2 * 60_000;

const SERIES_PREFIX = "series:";
const ISOLATE_PREFIX = "isolate:";
/** A storage put takes at most 128 keys. */
const PUT_CHUNK = 128;

/** The parts of the Durable Object storage API used here. */
export interface MetricsStorage {
  list<T>(options: { prefix: string }): Promise<Map<string, T>>;
  put(entries: Record<string, unknown>): Promise<void>;
  delete(keys: string[]): Promise<number>;
}

export interface MetricsObjectState {
  storage: MetricsStorage;
  blockConcurrencyWhile<T>(callback: () => Promise<T>): Promise<T>;
}

interface IsolateRecord {
  sequence: number;
  seenAt: number;
  /** Its fleet gauges as of `seenAt`; absent: it sends none (no incident manager, or an older version). */
  readings?: FleetReading[];
}

/** The Durable Object class (exported by src/worker.ts, bound as METRICS in wrangler.toml). */
export class MetricsObject {
  readonly #storage: MetricsStorage;
  readonly #metrics: CitaMetrics;
  readonly #dropped;
  /** Last flush number per isolate, least recently seen first. */
  readonly #isolates = new Map<string, IsolateRecord>();
  readonly #timeline = new Timeline();
  #seriesCount = 0;

  constructor(state: MetricsObjectState) {
    this.#storage = state.storage;
    this.#metrics = createCitaMetrics();
    this.#metrics.watchFleet(() => this.#fleetReadings());
    this.#dropped = this.#registry.counter(
      "cita_metrics_dropped_total",
      "Series deltas the metrics Durable Object refused: over its series bound (limit) or malformed (invalid).",
      ["reason"],
    );
    void state.blockConcurrencyWhile(() => this.#load());
  }

  async fetch(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (request.method === "GET" && path === "/render") {
      const text = this.#registry.render(
        (family) => SUMMED_KINDS.includes(family.kind) || Object.hasOwn(FLEET_GAUGES, family.name),
      );
      return new Response(text, { headers: { "content-type": CONTENT_TYPE } });
    }
    if (request.method === "GET" && path === "/timeline")
      return Response.json(this.#timeline.answer("fleet"));
    if (request.method !== "POST" || path !== "/flush") return new Response("not found", { status: 404 });
    const batch = batchOf(await request.json().catch(() => null));
    if (batch === null) return new Response("bad metrics batch", { status: 400 });
    const last = this.#isolates.get(batch.isolate)?.sequence ?? 0;
    if (batch.sequence <= last) return Response.json({ applied: false });
    const changed = new Map<string, SeriesDelta>();
    const applied: SeriesDelta[] = [];
    for (const value of batch.series) {
      const delta = this.#apply(value);
      if (delta === null) continue;
      changed.set(seriesKey(delta), delta);
      applied.push(delta);
    }
    // A refused delta is not there (only the dropped counter's total, which the timeline does not chart).
    this.#timeline.add(applied);
    await this.#save(changed, batch.isolate, {
      sequence: batch.sequence,
      seenAt: Date.now(),
      ...(batch.readings === undefined ? {} : { readings: fleetReadingsOf(batch.readings) }),
    });
    return Response.json({ applied: true });
  }

  /** Adds one delta; the series it changed, or null if it was dropped (and counted). */
  #apply(value: unknown): SeriesDelta | null {
    const parsed = seriesDeltaOf(value);
    // The object's own counter is counted here only, never sent.
    const delta = parsed?.name === this.#dropped.name ? null : parsed;
    const isNew = delta !== null && !this.#registry.has(delta);
    let reason: "invalid" | "limit" | null = null;
    if (delta === null) reason = "invalid";
    else if (isNew && this.#seriesCount >= MAX_SERIES) reason = "limit";
    else if (!this.#registry.merge(delta)) reason = "invalid";
    if (reason !== null) {
      this.#dropped.inc({ reason });
      return this.#dropped.total([reason])!;
    }
    if (isNew) this.#seriesCount++;
    return delta;
  }

  get #registry() {
    return this.#metrics.registry;
  }

  /** The fleet gauges made of the isolates heard from lately (none heard: the gauges stay absent). */
  #fleetReadings(): FleetReading[] {
    const since = Date.now() - FLEET_READING_MAX_AGE_MS;
    const fresh = [...this.#isolates.values()].filter((record) => record.seenAt >= since);
    return combineReadings(fresh.map((record) => record.readings ?? []));
  }

  async #save(changed: Map<string, SeriesDelta>, isolate: string, record: IsolateRecord): Promise<void> {
    const entries: [string, unknown][] = [...changed].map(([key, delta]) => [
      key,
      this.#registry.total(delta),
    ]);
    this.#isolates.delete(isolate);
    this.#isolates.set(isolate, record);
    entries.push([ISOLATE_PREFIX + isolate, this.#isolates.get(isolate)]);
    const forgotten: string[] = [];
    for (const oldest of this.#isolates.keys()) {
      if (this.#isolates.size <= MAX_ISOLATES) break;
      this.#isolates.delete(oldest);
      forgotten.push(ISOLATE_PREFIX + oldest);
    }
    for (let start = 0; start < entries.length; start += PUT_CHUNK) {
      await this.#storage.put(Object.fromEntries(entries.slice(start, start + PUT_CHUNK)));
    }
    if (forgotten.length > 0) await this.#storage.delete(forgotten);
  }

  async #load(): Promise<void> {
    for (const total of (await this.#storage.list<SeriesDelta>({ prefix: SERIES_PREFIX })).values()) {
      const delta = seriesDeltaOf(total);
      if (delta === null || !this.#registry.merge(delta)) continue;
      if (delta.name !== this.#dropped.name) this.#seriesCount++;
    }
    const isolates = await this.#storage.list<IsolateRecord>({ prefix: ISOLATE_PREFIX });
    const bySeen = [...isolates].sort(([, a], [, b]) => a.seenAt - b.seenAt);
    for (const [key, record] of bySeen) this.#isolates.set(key.slice(ISOLATE_PREFIX.length), record);
  }
}

function seriesKey(delta: SeriesDelta): string {
  return SERIES_PREFIX + JSON.stringify([delta.name, ...delta.labels]);
}
