// Steering a running simulator from outside: the admin routes, a faults file, and `npm run sim` itself.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "./server.js";
import { askOpenAi, clients, TEXT_ES } from "./testing.js";

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator({
    seed: 5,
    faults: { rules: [{ provider: "mistral", faults: [{ kind: "serverError" }] }] },
  });
});
afterAll(() => simulator.close());

function post(path: string, body?: unknown) {
  return fetch(`${simulator.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe("admin routes", () => {
  it("sets faults for one provider or many, and rejects unknown ones", async () => {
    const { openai } = clients(simulator);
    expect(
      (await post("/_sim/faults", { provider: "openai", faults: [{ kind: "unavailable" }] })).status,
    ).toBe(200);
    await expect(askOpenAi(openai, TEXT_ES)).rejects.toMatchObject({ status: 503 });
    const many = await post("/_sim/faults", {
      rules: [
        { provider: "openai", faults: [] },
        { provider: "qwen", model: "qwen-max", faults: [{ kind: "rateLimit", retryAfterSeconds: 1 }] },
      ],
    });
    expect(await many.json()).toEqual({ ok: true, rules: 2 });
    expect((await askOpenAi(openai, TEXT_ES)).choices[0]!.finish_reason).toBe("stop");
    const invalid = await post("/_sim/faults", { provider: "openai", faults: [{ kind: "meteorStrike" }] });
    expect(invalid.status).toBe(400);
  });

  it("lists attempts and resets to the configured faults", async () => {
    const listed = (await (await fetch(`${simulator.url}/_sim/attempts`)).json()) as { attempts: unknown[] };
    expect(listed.attempts.length).toBeGreaterThan(0);
    expect((await post("/_sim/reset")).status).toBe(200);
    expect(simulator.attempts()).toEqual([]);
    const { mistral } = clients(simulator);
    await expect(
      mistral.chat.complete({ model: "m", messages: [{ role: "user", content: "hola" }] }),
    ).rejects.toMatchObject({
      statusCode: 500,
    });
  });
});

describe("npm run sim", () => {
  let child: ChildProcess | null = null;
  afterAll(() => {
    if (child?.pid !== undefined) process.kill(child.pid, "SIGTERM");
  });

  it("prints its URL and serves the faults file", async () => {
    const directory = mkdtempSync(join(tmpdir(), "cita-sim-"));
    const file = join(directory, "faults.json");
    writeFileSync(
      file,
      JSON.stringify({ rules: [{ provider: "openai", faults: [{ kind: "contentPolicy" }] }] }),
    );
    child = spawn(
      process.execPath,
      ["--import", "tsx", "tools/sim.ts", "--port", "0", "--seed", "3", "--faults", file],
      {
        cwd: process.cwd(),
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let output = "";
      child!.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child!.once("exit", (code) => reject(new Error(`sim exited with ${code}`)));
    });
    const openai = new OpenAI({ apiKey: "sk-sim", baseURL: `${url}/openai/v1`, maxRetries: 0 });
    await expect(askOpenAi(openai, TEXT_ES)).rejects.toMatchObject({
      status: 400,
      code: "content_policy_violation",
    });
  });
});
