// Load for the chaos suite: N requests whose starts are spread evenly over a duration, with at most a
// given number in flight (a request due while the cap is reached waits for one to finish).
import { sleep } from "./stats.js";

/** How a scenario's requests are spread. */
export interface LoadPlan {
  count: number;
  durationMs: number;
  concurrency: number;
}

/** Sends `plan.count` requests on the plan's schedule; resolves with every result, in request order. */
export async function runLoad<T>(plan: LoadPlan, send: (index: number) => Promise<T>): Promise<T[]> {
  const started = Date.now();
  const interval = plan.count > 0 ? plan.durationMs / plan.count : 0;
  const results: T[] = new Array(plan.count);
  const inFlight = new Set<Promise<void>>();
  for (let index = 0; index < plan.count; index++) {
    await sleep(started + index * interval - Date.now());
    while (inFlight.size >= Math.max(1, plan.concurrency)) await Promise.race(inFlight);
    const task: Promise<void> = send(index).then((result) => {
      results[index] = result;
      inFlight.delete(task);
    });
    inFlight.add(task);
  }
  await Promise.all(inFlight);
  return results;
}
