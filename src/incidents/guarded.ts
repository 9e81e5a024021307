// How the incident manager calls what it does not control (the store, the notifier, the checker): a
// failure is logged by its error's name only, never its message (a store's or a webhook's message may
// carry a URL or a secret), and a store call that hangs is given up, so the ticks go on.
import type { Logger } from "../http/logger.js";

/** A store call that takes longer is given up: a hung database must not stop the ticks. */
export const STORE_TIMEOUT_MS = 10_000;

export function logFailure(logger: Logger, operation: string, error: unknown): void {
  logger.error({
    event: "incident_manager_failed",
    operation,
    error: error instanceof Error ? error.name : typeof error,
  });
}

/** `run`'s result, or undefined when it failed or outlasted STORE_TIMEOUT_MS (then logged). */
export async function guarded<T>(
  logger: Logger,
  operation: string,
  run: () => Promise<T>,
): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timed out")), STORE_TIMEOUT_MS);
    });
    return await Promise.race([run(), timeout]);
  } catch (error) {
    logFailure(logger, operation, error);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
