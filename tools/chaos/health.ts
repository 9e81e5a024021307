// Polls Cita's GET /health through a scenario (every instance's, for a fleet), keeping a timeline the
// harness reads time to detect and time to recover from.
import { fleetView, getHealth, type HealthView } from "./cita.js";
import { sleep } from "./stats.js";

/** One reading of /health; `view` is null when a read failed. */
export interface HealthSample {
  /** Date.now() when the last answer arrived. */
  at: number;
  /** Every instance's view as one, each state the worst reported (fleetView). */
  view: HealthView | null;
  /** Each instance's own view, in the order of the URLs. */
  views: readonly (HealthView | null)[];
}

/** A running poller. */
export interface HealthPoller {
  samples(): readonly HealthSample[];
  stop(): Promise<void>;
}

/** Starts polling every `intervalMs` (one round at a time, every instance at once). */
export function startHealthPoller(baseUrls: readonly string[], intervalMs = 50): HealthPoller {
  const samples: HealthSample[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const views = await Promise.all(baseUrls.map((url) => getHealth(url)));
      samples.push({ at: Date.now(), view: fleetView(views), views });
      await sleep(intervalMs);
    }
  })();
  return {
    samples: () => samples,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

/** The first sample at or after `from` that satisfies a test, or null. */
function firstAt(
  samples: readonly HealthSample[],
  from: number,
  satisfies: (sample: HealthSample) => boolean,
): HealthSample | null {
  return samples.find((sample) => sample.at >= from && satisfies(sample)) ?? null;
}

/** The first sample at or after `from` whose view (every instance's as one) satisfies the predicate. */
export const firstSampleAt = (
  samples: readonly HealthSample[],
  from: number,
  predicate: (view: HealthView) => boolean,
) => firstAt(samples, from, (sample) => sample.view !== null && predicate(sample.view));

/** The first sample at or after `from` in which every instance's own view satisfies the predicate. */
export const firstFleetSampleAt = (
  samples: readonly HealthSample[],
  from: number,
  predicate: (view: HealthView) => boolean,
) =>
  firstAt(
    samples,
    from,
    (sample) => sample.views.length > 0 && sample.views.every((view) => view !== null && predicate(view)),
  );

/** The last sample before `at`, or null. */
export function lastSampleBefore(samples: readonly HealthSample[], at: number): HealthSample | null {
  let found: HealthSample | null = null;
  for (const sample of samples) if (sample.at < at && sample.view !== null) found = sample;
  return found;
}
