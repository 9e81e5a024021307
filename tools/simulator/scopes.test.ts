// Scopes: clients sharing one simulator each open a scope of their own. A scope answers exactly as a
// private simulator with its seed, whatever the other scopes do meanwhile; its faults, attempts and resets
// stay its own; a closed or unknown scope answers 404. Steered through client.ts, as a test file would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openScope, type SimulatorScope, scopeAt } from "./client.js";
import type { FaultInput } from "./faults.js";
import { type Simulator, startSimulator } from "./server.js";
import { askAnthropic, askOpenAi, clients, TEXT_EN, TEXT_ES } from "./testing.js";

const FAULTS: FaultInput[] = [
  { kind: "latency", p50Ms: 2, p95Ms: 5, rate: 0.5 },
  { kind: "invalidJson", rate: 0.3 },
  { kind: "serverError", rate: 0.2 },
];

let shared: Simulator;
beforeAll(async () => {
  shared = await startSimulator({ clock: () => 0 });
});
afterAll(() => shared.close());

/** Twelve openai answers (id and text, or the error status) and the faults each attempt drew. */
async function twelveAnswers(
  target: Pick<Simulator, "baseUrls">,
  attempts: () => Promise<{ faults: string[] }[]> | { faults: string[] }[],
  between: () => Promise<unknown> = async () => {},
): Promise<unknown[]> {
  const { openai } = clients(target);
  const seen: unknown[] = [];
  for (let index = 0; index < 12; index++) {
    seen.push(
      await askOpenAi(openai, TEXT_EN).then(
        (completion) => [completion.id, completion.choices[0]!.message.content],
        (error: { status?: number }) => error.status,
      ),
    );
    await between();
  }
  return [seen, (await attempts()).map((attempt) => attempt.faults)];
}

describe("scopes on a shared simulator", () => {
  it("answer as a private simulator with the same seed, while another scope takes traffic", async () => {
    const alone = await startSimulator({ seed: 7, clock: () => 0 });
    alone.setFaults("openai", undefined, FAULTS);
    const expected = await twelveAnswers(alone, () => alone.attempts());
    await alone.close();

    const [scope, noisy] = await Promise.all([openScope(shared.url, { seed: 7 }), openScope(shared.url)]);
    await scope.setFaults("openai", undefined, FAULTS);
    const { openai } = clients(noisy);
    // The same provider and model in the other scope, between every request: its sequence is its own.
    const answers = await twelveAnswers(
      scope,
      () => scope.attempts(),
      () => askOpenAi(openai, TEXT_ES),
    );
    expect(answers).toEqual(expected);
    expect(await noisy.attempts()).toHaveLength(12);
    await Promise.all([scope.close(), noisy.close()]);
  });

  it("keep faults, attempts and resets to themselves, and away from the root", async () => {
    const [failing, healthy] = await Promise.all([openScope(shared.url), openScope(shared.url)]);
    await failing.setFaults("anthropic", undefined, [{ kind: "overloaded" }]);
    await expect(askAnthropic(clients(failing).anthropic, TEXT_EN)).rejects.toMatchObject({ status: 529 });
    expect((await askAnthropic(clients(healthy).anthropic, TEXT_EN)).stop_reason).toBe("tool_use");
    expect((await askAnthropic(clients(shared).anthropic, TEXT_EN)).stop_reason).toBe("tool_use");
    expect((await failing.attempts()).map((attempt) => attempt.fault)).toEqual(["overloaded"]);
    expect((await healthy.attempts()).map((attempt) => attempt.fault)).toEqual([null]);
    // A scope's attempt reads as a private simulator's: the provider path without the scope's prefix.
    expect((await healthy.attempts())[0]?.path).toBe("/anthropic/v1/messages");
    expect(shared.attempts()).toHaveLength(1);

    await healthy.reset();
    expect(await healthy.attempts()).toEqual([]);
    expect(await failing.attempts()).toHaveLength(1);
    await failing.clearFaults();
    expect((await askAnthropic(clients(failing).anthropic, TEXT_EN)).stop_reason).toBe("tool_use");
    await Promise.all([failing.close(), healthy.close()]);
  });

  it("start from the faults they were opened with, and reset to them", async () => {
    const scope = await openScope(shared.url, {
      faults: { rules: [{ provider: "openai", faults: [{ kind: "unavailable" }] }] },
    });
    await expect(askOpenAi(clients(scope).openai, TEXT_EN)).rejects.toMatchObject({ status: 503 });
    await scope.setFaults("openai", undefined, []);
    expect((await askOpenAi(clients(scope).openai, TEXT_EN)).choices[0]!.finish_reason).toBe("stop");
    await scope.reset();
    await expect(askOpenAi(clients(scope).openai, TEXT_EN)).rejects.toMatchObject({ status: 503 });
    await scope.close();
  });

  it("answer 404 once closed, or when never opened, and refuse a bad opening with 400", async () => {
    const scope: SimulatorScope = await openScope(shared.url);
    const other = await openScope(shared.url);
    await scope.close();
    await expect(askOpenAi(clients(scope).openai, TEXT_EN)).rejects.toMatchObject({ status: 404 });
    await expect(scope.attempts()).rejects.toThrow(/404/);
    await expect(scope.close()).rejects.toThrow(/404/);
    await expect(scopeAt(shared.url, "nowhere").attempts()).rejects.toThrow(/404/);
    expect((await askOpenAi(clients(other).openai, TEXT_EN)).choices[0]!.finish_reason).toBe("stop");
    const refused = await fetch(`${shared.url}/_sim/scopes`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ seed: "seven" }),
    });
    expect(refused.status).toBe(400);
    // Scopes are opened at the root only.
    expect((await fetch(`${other.url}/_sim/scopes`, { method: "POST" })).status).toBe(404);
    await other.close();
  });
});
