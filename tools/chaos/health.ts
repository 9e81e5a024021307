// Polls Cita's GET /health through a scenario, keeping a timeline the harness reads time to detect and
// time to recover from.
import { getHealth, type HealthView } from "./cita.js";
import { sleep } from "./stats.js";

/** One reading of /health; `view` is null when the read failed. */
export interface HealthSample {
  /** Date.now() when the answer arrived. */
  at: number;
  view: HealthView | null;
}

/** A running poller. */
export interface HealthPoller {
  samples(): readonly HealthSample[];
  stop(): Promise<void>;
}

/** Starts polling every `intervalMs` (one request at a time). */
export function startHealthPoller(baseUrl: string, intervalMs = 50): HealthPoller {
  const samples: HealthSample[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const view = await getHealth(baseUrl);
      samples.push({ at: Date.now(), view });
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

/** The first sample at or after `from` that satisfies the predicate, or null. */
export function firstSampleAt(
  samples: readonly HealthSample[],
  from: number,
  predicate: (view: HealthView) => boolean,
): HealthSample | null {
  return (
    samples.find((sample) => sample.at >= from && sample.view !== null && predicate(sample.view)) ?? null
  );
}

/** The last sample before `at`, or null. */
export function lastSampleBefore(samples: readonly HealthSample[], at: number): HealthSample | null {
  let found: HealthSample | null = null;
  for (const sample of samples) if (sample.at < at && sample.view !== null) found = sample;
  return found;
}
