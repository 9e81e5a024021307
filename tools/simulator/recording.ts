// Every attempt the simulator receives, in arrival order, for tests and the admin route to read. Records
// are filled in as the attempt progresses (status once answered, aborted if the client gave up first).
import type { FaultKind } from "./faults.js";

export interface Attempt {
  /** Arrival, ISO 8601. */
  time: string;
  provider: string;
  model: string | null;
  path: string;
  /** The fault that decided the attempt (an outcome, else the first delay), or null when it went well. */
  fault: FaultKind | null;
  /** Every fault that fired, delays included. */
  faults: FaultKind[];
  /** HTTP status sent, or null when none was (reset, hang, abort). */
  status: number | null;
  /** From the X-Request-Id header. */
  requestId: string | null;
  maxTokens: number | null;
  mode: "json_object" | "json_schema" | "tool" | "text" | null;
  tool: string | null;
  /** 1 for the first attempt with this request id, 2 for its first retry... */
  attempt: number;
  retried: boolean;
  /** The SDK's own retry counter (X-Stainless-Retry-Count), when it sends one. */
  sdkRetryCount: number | null;
  /** Milliseconds spent before the response was complete (or the socket ended). */
  durationMs: number | null;
  /** The client closed the connection before the answer was complete. */
  aborted: boolean;
}

export class Recorder {
  readonly #attempts: Attempt[] = [];
  readonly #perRequest = new Map<string, number>();

  begin(fields: Pick<Attempt, "provider" | "path" | "requestId" | "sdkRetryCount">, now: number): Attempt {
    const attempt = fields.requestId === null ? 1 : (this.#perRequest.get(fields.requestId) ?? 0) + 1;
    if (fields.requestId !== null) this.#perRequest.set(fields.requestId, attempt);
    const record: Attempt = {
      time: new Date(now).toISOString(),
      model: null,
      fault: null,
      faults: [],
      status: null,
      maxTokens: null,
      mode: null,
      tool: null,
      attempt,
      retried: attempt > 1,
      durationMs: null,
      aborted: false,
      ...fields,
    };
    this.#attempts.push(record);
    return record;
  }

  list(): Attempt[] {
    return this.#attempts.map((attempt) => ({ ...attempt, faults: [...attempt.faults] }));
  }

  clear(): void {
    this.#attempts.length = 0;
    this.#perRequest.clear();
  }
}
