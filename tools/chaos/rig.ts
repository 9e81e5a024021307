// Everything a chaos scenario runs against: for Cita, a fresh seeded simulator with a forwarder in front of
// the primary and a fresh Cita (fresh router state) served over HTTP; for the naive client, a simulator and
// forwarder of its own (see run.ts for why). Cita is one in-process app, or a fleet of Node processes on one
// Redis (fleet.ts). Started together, closed together.
import type { Environment } from "../../src/config.js";
import { startSimulator } from "../simulator/server.js";
import { citaEnvironment, startCita, type Timings } from "./cita.js";
import { startFleet } from "./fleet.js";
import { startForwarder } from "./forwarder.js";
import { naiveClient } from "./naive.js";
import type { ScenarioContext } from "./scenarios.js";

/** Everything a scenario runs against: Cita's simulator and forwarder, the naive client's own, and Cita. */
export interface Rig {
  /** Cita's base URLs: one per instance. */
  cita: { urls: readonly string[] };
  context: ScenarioContext;
  naiveContext: ScenarioContext;
  naive: ReturnType<typeof naiveClient>;
  close(): Promise<void>;
}

/** The URL of a simulator's primary as seen through a forwarder. */
const throughForwarder = (context: ScenarioContext) =>
  context.sim.baseUrls.qwen.replace(context.sim.url, context.forwarder.url);

async function startContext(seed: number, closers: (() => Promise<void>)[]): Promise<ScenarioContext> {
  const sim = await startSimulator({ seed });
  closers.push(() => sim.close());
  const forwarder = await startForwarder(sim.url);
  closers.push(() => forwarder.close());
  return { sim, forwarder };
}

/** How a rig is started. */
export interface RigOptions {
  seed: number;
  timings: Timings;
  naiveTimeoutMs: number | null;
  /** One in-process Cita (1), or a fleet of Node processes. */
  instances: number;
  /** A fleet shares a private Redis. */
  shared: boolean;
  /** Cita's own variables for the scenario, over the run's. */
  environment: Environment;
  /** How often the in-process Cita ticks its incident manager (a fleet's processes tick every second). */
  tickMs: number;
}

/** Starts the rig; whatever started is closed again if a later step fails. */
export async function startRig(options: RigOptions): Promise<Rig> {
  const { seed, timings, naiveTimeoutMs, instances, shared, environment } = options;
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
  };
  try {
    const context = await startContext(seed, closers);
    const naiveContext = await startContext(seed + 1000, closers);
    const { sim } = context;
    const citaVariables = citaEnvironment(
      { qwen: throughForwarder(context), anthropic: sim.baseUrls.anthropic, openai: sim.baseUrls.openai },
      timings,
      environment,
    );
    const cita =
      instances === 1
        ? await startCita(citaVariables, options.tickMs).then((server) => ({
            urls: [server.url],
            close: server.close,
          }))
        : await startFleet(citaVariables, instances, shared);
    closers.push(() => cita.close());
    const naive = naiveClient(throughForwarder(naiveContext), naiveTimeoutMs);
    return { cita: { urls: cita.urls }, context, naiveContext, naive, close };
  } catch (error) {
    await close();
    throw error;
  }
}
