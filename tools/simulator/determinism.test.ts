// Seeded runs repeat: the same seed and faults give the same faults, ids and answers, attempt by attempt,
// and the latency distribution has the median and tail it was given.
import { afterEach, describe, expect, it } from "vitest";
import { FaultBook, type FaultInput } from "./faults.js";
import { hashKey, seededRandom } from "./random.js";
import { type Simulator, startSimulator } from "./server.js";
import { askOpenAi, clients, TEXT_EN } from "./testing.js";

const FAULTS: FaultInput[] = [
  { kind: "latency", p50Ms: 2, p95Ms: 5, rate: 0.5 },
  { kind: "invalidJson", rate: 0.3 },
  { kind: "serverError", rate: 0.2 },
];

const running: Simulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

async function run(seed: number): Promise<unknown[]> {
  const simulator = await startSimulator({ seed, clock: () => 0 });
  running.push(simulator);
  simulator.setFaults("openai", undefined, FAULTS);
  const { openai } = clients(simulator);
  const seen: unknown[] = [];
  for (let index = 0; index < 12; index++) {
    const result = await askOpenAi(openai, TEXT_EN).then(
      (completion) => [completion.id, completion.choices[0]!.message.content],
      (error: { status?: number }) => error.status,
    );
    seen.push(result);
  }
  return [seen, simulator.attempts().map((attempt) => attempt.faults)];
}

describe("seeded determinism", () => {
  it("repeats a run with the same seed and differs with another", async () => {
    const first = await run(7);
    expect(await run(7)).toEqual(first);
    expect(await run(8)).not.toEqual(first);
  });

  it("keeps each provider's sequence independent of the others'", () => {
    const book = new FaultBook();
    book.set("openai", undefined, [{ kind: "reset", rate: 0.5 }]);
    const plans = (count: number) =>
      Array.from(
        { length: count },
        (_, index) =>
          book.plan("openai", "m", seededRandom(hashKey(3, "openai", "m", index))).outcome?.kind ?? null,
      );
    expect(plans(20)).toEqual(plans(20));
  });

  it("draws latency with the given median and 95th percentile", () => {
    const book = new FaultBook();
    book.set("anthropic", undefined, [{ kind: "latency", p50Ms: 1000, p95Ms: 15_000 }]);
    const random = seededRandom(99);
    const samples = Array.from(
      { length: 4000 },
      () => book.plan("anthropic", "m", random).headersDelayMs,
    ).sort((a, b) => a - b);
    expect(samples[2000]!).toBeGreaterThan(850);
    expect(samples[2000]!).toBeLessThan(1150);
    expect(samples[3800]!).toBeGreaterThan(11_000);
    expect(samples[3800]!).toBeLessThan(20_000);
  });
});
