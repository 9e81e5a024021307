// An isolate's side of the metrics Durable Object (src/metrics/durable-object.ts). After each request the
// Worker calls flushSoon() and hands its promise to waitUntil, so nothing here is awaited on the request
// path: at most once per FLUSH_INTERVAL_MS the isolate sends everything its counters and histograms gained
// since the last flush, in one batch numbered 1, 2, …; a batch the object did not acknowledge is sent again
// as it was (same number, so the object never adds it twice) before anything newer. A scrape reads the
// object's sums and adds the isolate's own gauges; if the object cannot be reached, the scrape answers with
// the isolate's own registry and says so (cita_metrics_aggregated 0 and a comment line). Each batch also
// carries the isolate's fleet gauges (is an incident open, its severity: src/metrics/fleet-gauges.ts), whose
// fleet value the object shows instead of the answering isolate's; with nothing counted, a batch still goes
// when they changed or every FLEET_READING_REFRESH_MS, so a live isolate's values never age out. The operations
// page's timeline is read from the object the same way, and is null when it cannot be reached (the app then
// answers with the isolate's own).
import { withinDeadline } from "../deadline.js";
import type { DurableObjectNamespaceLike } from "../limits/durable-object.js";
import type { CitaMetrics } from "./cita.js";
import type { DeltaBatch } from "./deltas.js";
import { FLEET_GAUGES, type FleetReading } from "./fleet-gauges.js";
import type { TimelineAnswer } from "./timeline.js";

export const FLUSH_INTERVAL_MS = 1_000;
/** A call to the object that has not answered by then counts as failed. */
export const CALL_TIMEOUT_MS = 2_000;
/** With nothing counted, the fleet gauges are sent again this often (the object forgets them after 2 minutes). */
export const FLEET_READING_REFRESH_MS = 30_000;
/** The one object every isolate of the Worker flushes to. */
const OBJECT_NAME = "metrics";

export const FALLBACK_COMMENT =
  "# cita: the metrics Durable Object (binding METRICS) did not answer: these are the counts of the isolate that answered this scrape only.";

type Operation = "flush" | "render" | "timeline";

export interface DurableObjectMetricsOptions {
  namespace: DurableObjectNamespaceLike;
  /** The isolate's own metrics, which the app records into. */
  metrics: CitaMetrics;
  /** Told each time a flush or a scrape could not reach the object, with a short reason. */
  onUnavailable?: (operation: Operation, reason: string) => void;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class DurableObjectMetrics {
  readonly #options: DurableObjectMetricsOptions;
  readonly #clock: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  /** Drawn when the isolate builds its app (inside a request: Workers allow no randomness at global scope). */
  readonly #isolate = crypto.randomUUID();
  #sequence = 0;
  #unacknowledged: DeltaBatch | null = null;
  #lastFlushAt = Number.NEGATIVE_INFINITY;
  #wanted = false;
  #running: Promise<void> | null = null;
  /** The fleet gauges last put in a batch, and when. */
  #sentReadings = "[]";
  #readingsSentAt = Number.NEGATIVE_INFINITY;

  constructor(options: DurableObjectMetricsOptions) {
    this.#options = options;
    this.#clock = options.clock ?? Date.now;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Flushes now, or once FLUSH_INTERVAL_MS has passed since the last flush, taking whatever gathered by
   * then. Never rejects. Calls while one is waiting or running share it (and it flushes once more if they
   * came while it was sending).
   */
  flushSoon(): Promise<void> {
    this.#wanted = true;
    // Started on the next microtask, so #running is set before any of the loop's code runs.
    this.#running ??= Promise.resolve().then(() => this.#flushLoop());
    return this.#running;
  }

  /**
   * The exposition for a scrape: the object's sums and this isolate's gauges, or this isolate alone. The
   * isolate flushes first (without waiting out the interval if no flush is under way), so a scrape shows at
   * least everything the isolate that answers it counted.
   */
  async render(): Promise<string> {
    const { metrics } = this.#options;
    await this.#flushNow();
    try {
      const response = await this.#call("/render", { method: "GET" });
      if (!response.ok) throw new Error(`it answered ${response.status}`);
      const ownGauges = metrics.registry.render(
        (family) => family.kind === "gauge" && !Object.hasOwn(FLEET_GAUGES, family.name),
      );
      return `${await response.text()}${ownGauges}${aggregatedLines(1)}`;
    } catch (error) {
      this.#report("render", error);
      return `${FALLBACK_COMMENT}\n${metrics.render()}${aggregatedLines(0)}`;
    }
  }

  /** The fleet's last hour from the object (after flushing this isolate's counts), or null if unreachable. */
  async timeline(): Promise<TimelineAnswer | null> {
    await this.#flushNow();
    try {
      const response = await this.#call("/timeline", { method: "GET" });
      if (!response.ok) throw new Error(`it answered ${response.status}`);
      return (await response.json()) as TimelineAnswer;
    } catch (error) {
      this.#report("timeline", error);
      return null;
    }
  }

  /** Flushes without waiting out the interval if no flush is under way (a read wants this isolate's counts in). */
  #flushNow(): Promise<void> {
    if (this.#running === null) this.#lastFlushAt = Number.NEGATIVE_INFINITY;
    return this.flushSoon();
  }

  async #flushLoop(): Promise<void> {
    while (this.#wanted) {
      const wait = this.#lastFlushAt + FLUSH_INTERVAL_MS - this.#clock();
      if (wait > 0) await this.#sleep(wait);
      this.#wanted = false;
      this.#lastFlushAt = this.#clock();
      await this.#flushOnce();
    }
    this.#running = null;
  }

  async #flushOnce(): Promise<void> {
    const resending = this.#unacknowledged !== null;
    const batch = this.#unacknowledged ?? this.#nextBatch();
    if (batch === null) return;
    this.#unacknowledged = batch;
    try {
      const response = await this.#call("/flush", { method: "POST", body: JSON.stringify(batch) });
      await response.arrayBuffer();
      // 400: the object will never take this batch (an isolate of another version): dropped, not retried.
      if (!response.ok && response.status !== 400) throw new Error(`it answered ${response.status}`);
      if (!response.ok) this.#report("flush", new Error("it refused the batch (400)"));
      this.#unacknowledged = null;
      // What gathered while an old batch was sent again goes next.
      if (resending) this.#wanted = true;
    } catch (error) {
      this.#report("flush", error);
    }
  }

  #nextBatch(): DeltaBatch | null {
    const { metrics } = this.#options;
    const series = metrics.registry.takeDeltas();
    const readings: readonly FleetReading[] = metrics.fleetReadings();
    const text = JSON.stringify(readings);
    const readingsDue =
      text !== this.#sentReadings || this.#clock() - this.#readingsSentAt >= FLEET_READING_REFRESH_MS;
    if (series.length === 0 && !(readings.length > 0 && readingsDue)) return null;
    this.#sequence += 1;
    this.#sentReadings = text;
    this.#readingsSentAt = this.#clock();
    const batch: DeltaBatch = { isolate: this.#isolate, sequence: this.#sequence, series };
    return readings.length === 0 ? batch : { ...batch, readings: [...readings] };
  }

  async #call(path: string, init: RequestInit): Promise<Response> {
    const { namespace } = this.#options;
    const stub = namespace.get(namespace.idFromName(OBJECT_NAME) as never);
    return withinDeadline(stub.fetch(new Request(`https://metrics.internal${path}`, init)), CALL_TIMEOUT_MS);
  }

  #report(operation: Operation, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.#options.onUnavailable?.(operation, reason.slice(0, 200));
  }
}

function aggregatedLines(value: 0 | 1): string {
  return [
    "# HELP cita_metrics_aggregated 1 when this scrape shows every isolate's counts (the metrics Durable Object answered), 0 when only the answering isolate's.",
    "# TYPE cita_metrics_aggregated gauge",
    `cita_metrics_aggregated ${value}`,
    "",
  ].join("\n");
}
