// The call outcomes of the fleet on Redis, for every instance's health windows: one stream per target
// (`<prefix>calls:<provider>/<model>`, capped near 1,000 entries), each entry one call with the instance that
// made it. An instance adds its own calls at its next refresh and reads, at the same refresh, the entries
// after the last it read, keeping those of the other instances until the router takes them.
import { randomUUID } from "node:crypto";
import type { createClient } from "@redis/client";
import type { CallSample } from "../router/health.js";

/** The subset of the client the log uses. */
type StreamClient = Pick<ReturnType<typeof createClient>, "xAdd" | "xRange" | "pExpire">;

const STREAM_LENGTH = 1_000;
const STREAM_TTL_MS = 3_600_000;

export class RedisCallLog {
  readonly #instance = randomUUID();
  /** Own calls not yet added, by target. */
  readonly #unsent = new Map<string, CallSample[]>();
  /** Other instances' calls read and not yet taken, by target. */
  readonly #received = new Map<string, CallSample[]>();
  /** The last entry read, by target: the next read starts after it. */
  readonly #read = new Map<string, string>();

  constructor(private readonly prefix: string) {}

  called(target: string, sample: CallSample): void {
    const unsent = this.#unsent.get(target) ?? [];
    if (unsent.length < STREAM_LENGTH) unsent.push(sample);
    this.#unsent.set(target, unsent);
  }

  take(target: string): CallSample[] {
    const received = this.#received.get(target);
    if (received === undefined || received.length === 0) return [];
    this.#received.set(target, []);
    return received;
  }

  /** Adds the calls that wait and reads the fleet's new ones; calls not added stay for the next time. */
  async exchange(client: StreamClient, targets: readonly string[]): Promise<void> {
    await Promise.all(targets.map((target) => this.#exchangeOne(client, target)));
  }

  async #exchangeOne(client: StreamClient, target: string): Promise<void> {
    const key = `${this.prefix}calls:${target}`;
    const unsent = this.#unsent.get(target) ?? [];
    this.#unsent.delete(target);
    // All at once (pipelined on the connection); only the calls Redis did not add are sent again.
    const added = await Promise.allSettled(
      unsent.map((sample) =>
        client.xAdd(
          key,
          "*",
          { instance: this.#instance, call: JSON.stringify(sample) },
          { TRIM: { strategy: "MAXLEN", strategyModifier: "~", threshold: STREAM_LENGTH } },
        ),
      ),
    );
    const failed = unsent.filter((_, index) => added[index]?.status === "rejected");
    if (failed.length < unsent.length) void client.pExpire(key, STREAM_TTL_MS).catch(() => {});
    if (failed.length > 0)
      this.#unsent.set(target, [...failed, ...(this.#unsent.get(target) ?? [])].slice(0, STREAM_LENGTH));
    await this.#receive(client, key, target);
    const refused = added.find((outcome) => outcome.status === "rejected");
    if (refused !== undefined) throw refused.reason;
  }

  /** Reads the entries after the last read, keeping the other instances' calls. */
  async #receive(client: StreamClient, key: string, target: string): Promise<void> {
    const last = this.#read.get(target);
    const entries = await client.xRange(key, last === undefined ? "-" : `(${last}`, "+", {
      COUNT: STREAM_LENGTH,
    });
    if (entries === null || entries.length === 0) return;
    this.#read.set(target, entries.at(-1)!.id);
    const received = this.#received.get(target) ?? [];
    for (const { message } of entries) {
      if (message.instance === this.#instance || typeof message.call !== "string") continue;
      const sample = readSample(message.call);
      if (sample !== null && received.length < STREAM_LENGTH) received.push(sample);
    }
    this.#received.set(target, received);
  }
}

/** A call from the stream, or null for an entry that is not one (the stream is shared, so checked). */
function readSample(text: string): CallSample | null {
  try {
    const value = JSON.parse(text) as Partial<CallSample>;
    if (typeof value.at !== "number" || typeof value.outcome !== "string") return null;
    return {
      at: value.at,
      outcome: value.outcome,
      latencyMs: typeof value.latencyMs === "number" ? value.latencyMs : null,
      answers: typeof value.answers === "number" ? value.answers : 0,
      invalidAnswers: typeof value.invalidAnswers === "number" ? value.invalidAnswers : 0,
      client: typeof value.client === "string" ? value.client : null,
      suspect: value.suspect === true,
    };
  } catch {
    return null;
  }
}
