// Cita as the chaos suite runs it: the real app (assembleApp + readConfig) served over HTTP on 127.0.0.1 the
// way the Node entry serves it (src/node-serve.ts), its incident manager ticked as the entry ticks it, with
// its providers pointed at the simulator and its router and incident timings scaled. Also the harness's HTTP client for it: POST /v1/appointments/parse and GET
// /health, with nothing faked in between.
import { assembleApp } from "../../src/app.js";
import { type Environment, readConfig } from "../../src/config.js";
import { silentLogger } from "../../src/http/logger.js";
import { type ParseRequest, ParseResponseSchema } from "../../src/http/schemas/parse.js";
import { DEFAULT_INCIDENT_SETTINGS as INCIDENT } from "../../src/incidents/settings.js";
import { serveNode } from "../../src/node-serve.js";

/**
 * The router's and the incident manager's time settings at scale 1 (the documented defaults), by
 * environment variable: the incidents' windows and hold times shrink with the faults they follow.
 */
export const BASE_TIMINGS_MS = {
  LLM_DEADLINE_MS: 8000,
  LLM_ATTEMPT_TIMEOUT_MS: 4000,
  LLM_BACKOFF_BASE_MS: 100,
  LLM_BACKOFF_MAX_MS: 2000,
  LLM_HEALTH_WINDOW_MS: 60_000,
  LLM_BREAKER_COOLDOWN_MS: 30_000,
  LLM_RATE_LIMIT_PAUSE_MS: 1000,
  LLM_P95_DEGRADED_MS: 5000,
  LLM_P95_DOWN_MS: 10_000,
  INCIDENT_WINDOW_MS: INCIDENT.windowMs,
  INCIDENT_OPEN_AFTER_MS: INCIDENT.openAfterMs,
  INCIDENT_ESCALATE_AFTER_MS: INCIDENT.escalateAfterMs,
  INCIDENT_DEESCALATE_AFTER_MS: INCIDENT.deescalateAfterMs,
  INCIDENT_RECOVERY_DELAY_MS: INCIDENT.recoveryDelayMs,
  INCIDENT_RECOVERY_RETRY_MS: INCIDENT.recoveryRetryMs,
  INCIDENT_UPDATE_EVERY_MS: INCIDENT.updateEveryMs,
} as const;

/** The admin token of the Cita under test: the harness reads its incidents (GET /admin/incidents). */
export const CHAOS_ADMIN_TOKEN = "chaos-admin-token-0123456789abcdef";

export type TimingName = keyof typeof BASE_TIMINGS_MS;
export type Timings = Record<TimingName, number>;

/** The router's other settings, not scaled. */
export const FIXED_SETTINGS = {
  LLM_MAX_ATTEMPTS: 4,
  LLM_HEALTH_MIN_SAMPLES: 5,
  /** Off, so every request reaches the router (repeated texts would otherwise be cache hits). */
  LLM_CACHE_MAX_ENTRIES: 0,
  /**
   * The harness sends every simulated user from one address: as behind a proxy, one client is all of them,
   * so bad answers may degrade a provider on one client's say (docs/security/health-and-limits.md).
   */
  LLM_QUALITY_MIN_CLIENTS: 1,
} as const;

export const WEIGHTS = "qwen=70,anthropic=20,openai=10";

/** Milliseconds at a time scale: at least 1, as the configuration wants positive whole numbers. */
export function scaled(ms: number, scale: number): number {
  return Math.max(1, Math.round(ms * scale));
}

/** Every time setting multiplied by the scale. */
export function scaledTimings(scale: number): Timings {
  const result = {} as Timings;
  for (const [name, ms] of Object.entries(BASE_TIMINGS_MS)) result[name as TimingName] = scaled(ms, scale);
  return result;
}

/** Where Cita's three providers live for a run. */
export interface ProviderUrls {
  qwen: string;
  anthropic: string;
  openai: string;
}

/**
 * The environment Cita is configured from: dummy keys, the given base URLs, weights and timings, the admin
 * token, then a scenario's own variables (`extra`, MODEL_REGISTRY say) over them.
 */
export function citaEnvironment(urls: ProviderUrls, timings: Timings, extra: Environment = {}): Environment {
  const environment: Environment = {
    QWEN_API_KEY: "sk-chaos-qwen",
    QWEN_BASE_URL: urls.qwen,
    ANTHROPIC_API_KEY: "sk-ant-chaos",
    ANTHROPIC_BASE_URL: urls.anthropic,
    OPENAI_API_KEY: "sk-chaos-openai",
    OPENAI_BASE_URL: urls.openai,
    LLM_WEIGHTS: WEIGHTS,
    LLM_PROVIDER: "qwen",
    ADMIN_TOKEN: CHAOS_ADMIN_TOKEN,
  };
  for (const [name, value] of Object.entries({ ...timings, ...FIXED_SETTINGS })) {
    environment[name] = String(value);
  }
  return { ...environment, ...extra };
}

/** A Cita server listening on 127.0.0.1. */
export interface CitaServer {
  url: string;
  close(): Promise<void>;
}

/** How often `node src/node.ts` ticks the incident manager; the in-process Cita's tick scales from it. */
export const NODE_INCIDENT_TICK_MS = 1000;

/**
 * Builds a fresh app (fresh router state) from the environment and serves it on a free port, ticking its
 * incident manager every `tickMs` as the Node entry does every second.
 */
export async function startCita(
  environment: Environment,
  tickMs = NODE_INCIDENT_TICK_MS,
): Promise<CitaServer> {
  const { app, incidents } = assembleApp({ config: readConfig(environment), logger: silentLogger });
  let tick: Promise<void> = Promise.resolve();
  const ticker =
    incidents === null
      ? null
      : setInterval(() => {
          tick = tick.then(() => incidents.tick()).catch(() => {});
        }, tickMs);
  const { server, port } = await new Promise<{ server: ReturnType<typeof serveNode>; port: number }>(
    (resolve) => {
      const listening = serveNode(app.fetch, { hostname: "127.0.0.1", port: 0 }, (info) =>
        resolve({ server: listening, port: info.port }),
      );
    },
  );
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      if (ticker !== null) clearInterval(ticker);
      await tick;
      await new Promise<void>((resolve) => {
        if ("closeAllConnections" in server) server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

/** One answered (or failed) parse request, as the harness saw it. */
export interface CitaOutcome {
  id: string;
  /** Date.now() when sent. */
  sentAt: number;
  latencyMs: number;
  /** HTTP status, or null when no response came (connection error, harness timeout). */
  status: number | null;
  /** Answered 200 with a body that passes ParseResponseSchema. */
  valid: boolean;
  mode: "llm" | "rules" | null;
  provider: string | null;
  degraded: boolean | null;
  /** Why the request is not valid, when it is not. */
  problem: string | null;
}

/** POSTs one parse request with the given X-Request-Id; never throws. */
export async function postParse(
  baseUrl: string,
  request: ParseRequest,
  id: string,
  timeoutMs: number,
): Promise<CitaOutcome> {
  const sentAt = Date.now();
  const started = performance.now();
  const outcome = (fields: Partial<CitaOutcome>): CitaOutcome => ({
    id,
    sentAt,
    latencyMs: performance.now() - started,
    status: null,
    valid: false,
    mode: null,
    provider: null,
    degraded: null,
    problem: null,
    ...fields,
  });
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(`${baseUrl}/v1/appointments/parse`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": id },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await response.json().catch(() => null);
  } catch (error) {
    return outcome({ problem: `no response: ${(error as Error).name}` });
  }
  const latency = { latencyMs: performance.now() - started, status: response.status };
  if (response.status !== 200) return outcome({ ...latency, problem: `HTTP ${response.status}` });
  const parsed = ParseResponseSchema.safeParse(body);
  if (!parsed.success) {
    const paths = parsed.error.issues.slice(0, 3).map((issue) => issue.path.join(".") || "(root)");
    return outcome({ ...latency, problem: `schema: ${paths.join(", ")}` });
  }
  const { meta } = parsed.data;
  return outcome({
    ...latency,
    valid: true,
    mode: meta.mode,
    provider: meta.provider,
    degraded: meta.degraded,
  });
}

/** What the harness reads from GET /health (the router part is absent when no provider is configured). */
export interface HealthView {
  routerState: string | null;
  /** The router's conservation mode (null without a router section); for a fleet, on in any instance. */
  conservation: boolean | null;
  /** Provider name → state ("healthy" | "degraded" | "down"); the worst state when a provider has several models. */
  providers: Record<string, string>;
  breakers: Record<string, string>;
}

const STATE_ORDER = ["healthy", "degraded", "down"];
const BREAKER_ORDER = ["closed", "half-open", "open"];

/** The worse of two states in an order (an unknown state counts as the best). */
function worse(order: readonly string[], a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return order.indexOf(b) > order.indexOf(a) ? b : a;
}

/**
 * A fleet's /health as one view, each state the worst any instance reported (for one instance, its own
 * view): healthy means every instance says so, so recovery is the fleet's. Null when any read failed.
 */
export function fleetView(views: readonly (HealthView | null)[]): HealthView | null {
  if (views.length === 0 || views.some((view) => view === null)) return null;
  const combined: HealthView = { routerState: null, conservation: null, providers: {}, breakers: {} };
  for (const view of views as HealthView[]) {
    combined.routerState =
      worse(STATE_ORDER, combined.routerState ?? undefined, view.routerState ?? undefined) ?? null;
    if (view.conservation !== null)
      combined.conservation = combined.conservation === true || view.conservation;
    for (const [provider, state] of Object.entries(view.providers)) {
      combined.providers[provider] = worse(STATE_ORDER, combined.providers[provider], state)!;
    }
    for (const [provider, state] of Object.entries(view.breakers)) {
      combined.breakers[provider] = worse(BREAKER_ORDER, combined.breakers[provider], state)!;
    }
  }
  return combined;
}

/** Reads GET /health; null when it could not be read. */
export async function getHealth(baseUrl: string, timeoutMs = 1000): Promise<HealthView | null> {
  try {
    const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    return healthView(await response.json());
  } catch {
    return null;
  }
}

/** The parts of a /health body the harness uses, read defensively. */
export function healthView(body: unknown): HealthView {
  const router = (body as { router?: unknown } | null)?.router as
    | { state?: unknown; conservation?: unknown; providers?: unknown }
    | undefined;
  const view: HealthView = {
    routerState: typeof router?.state === "string" ? router.state : null,
    conservation: typeof router?.conservation === "boolean" ? router.conservation : null,
    providers: {},
    breakers: {},
  };
  const entries = Array.isArray(router?.providers) ? router.providers : [];
  for (const entry of entries as { provider?: unknown; state?: unknown; breaker?: unknown }[]) {
    if (typeof entry.provider !== "string" || typeof entry.state !== "string") continue;
    const previous = view.providers[entry.provider];
    if (previous === undefined || STATE_ORDER.indexOf(entry.state) > STATE_ORDER.indexOf(previous)) {
      view.providers[entry.provider] = entry.state;
      if (typeof entry.breaker === "string") view.breakers[entry.provider] = entry.breaker;
    }
  }
  return view;
}
