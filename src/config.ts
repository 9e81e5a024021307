// Configuration, read once at a runtime entry (process.env on Node, bindings on Workers) into one typed
// object that is passed down. Nothing deeper in the code reads the environment.
import { PROVIDER_NAMES, type ProviderName } from "./providers/types.js";
import { isValidZone } from "./temporal/zone.js";

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Config {
  defaultTimezone: string;
  logLevel: LogLevel;
  /** Bearer token for admin routes; null means admin routes answer 403. */
  adminToken: string | null;
  /** Node's SQLite file (Workers use the D1 binding instead). */
  databasePath: string;
  llm: {
    deadlineMs: number;
    attemptTimeoutMs: number;
    conservationMode: boolean;
    preferredProvider: string | null;
    weights: Record<string, number>;
    /** The providers enabled by their keys (the OpenAI-compatible one by its base URL), in a fixed order. */
    providers: ProviderSettings[];
  };
}

export interface ProviderSettings {
  name: ProviderName;
  apiKey: string;
  baseUrl: string;
  model: string;
  /** Per-agent models, from <PROVIDER>_MODEL_<AGENT> (e.g. QWEN_MODEL_PARSING). */
  agentModels: Record<string, string>;
}

/** Where each provider lives and a current small model, unless configured otherwise (config.md). */
const PROVIDER_DEFAULTS: Record<
  ProviderName,
  { prefix: string; baseUrl: string | null; model: string | null }
> = {
  qwen: {
    prefix: "QWEN",
    baseUrl: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
    model: "qwen-plus",
  },
  openai: { prefix: "OPENAI", baseUrl: "https://api.openai.com/v1", model: "gpt-4.1-mini" },
  anthropic: { prefix: "ANTHROPIC", baseUrl: "https://api.anthropic.com", model: "claude-haiku-4-5" },
  mistral: { prefix: "MISTRAL", baseUrl: "https://api.mistral.ai", model: "mistral-small-latest" },
  "openai-compatible": { prefix: "OPENAI_COMPATIBLE", baseUrl: null, model: null },
};

export type Environment = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error"];

export function readConfig(environment: Environment): Config {
  const defaultTimezone = text(environment, "DEFAULT_TIMEZONE") ?? "UTC";
  if (!isValidZone(defaultTimezone)) {
    throw new ConfigError("DEFAULT_TIMEZONE", `"${defaultTimezone}" is not an IANA time zone`);
  }
  const logLevel = (text(environment, "LOG_LEVEL") ?? "info").toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new ConfigError("LOG_LEVEL", `must be one of ${LOG_LEVELS.join(", ")}`);
  }
  return {
    defaultTimezone,
    logLevel: logLevel as LogLevel,
    adminToken: text(environment, "ADMIN_TOKEN"),
    databasePath: text(environment, "DATABASE_PATH") ?? "data/cita.db",
    llm: {
      deadlineMs: positiveInteger(environment, "LLM_DEADLINE_MS", 8000),
      attemptTimeoutMs: positiveInteger(environment, "LLM_ATTEMPT_TIMEOUT_MS", 4000),
      conservationMode: boolean(environment, "CONSERVATION_MODE", false),
      preferredProvider: text(environment, "LLM_PROVIDER"),
      weights: weights(environment, "LLM_WEIGHTS"),
      providers: providers(environment),
    },
  };
}

function providers(environment: Environment): ProviderSettings[] {
  const result: ProviderSettings[] = [];
  for (const name of PROVIDER_NAMES) {
    const { prefix, baseUrl, model } = PROVIDER_DEFAULTS[name];
    const key = text(environment, `${prefix}_API_KEY`);
    const url = text(environment, `${prefix}_BASE_URL`) ?? baseUrl;
    // Self-hosted servers need no key; the hosted providers are enabled by theirs.
    const enabled =
      name === "openai-compatible" ? text(environment, `${prefix}_BASE_URL`) !== null : key !== null;
    if (!enabled) continue;
    if (url === null || !/^https?:\/\/[^\s]+$/.test(url)) {
      throw new ConfigError(`${prefix}_BASE_URL`, "must be an http(s) URL");
    }
    const chosen = text(environment, `${prefix}_MODEL`) ?? model;
    if (chosen === null) throw new ConfigError(`${prefix}_MODEL`, "must name the model to use");
    const agentModels: Record<string, string> = {};
    for (const agent of ["PARSING"]) {
      const override = text(environment, `${prefix}_MODEL_${agent}`);
      if (override !== null) agentModels[agent.toLowerCase()] = override;
    }
    result.push({ name, apiKey: key ?? "not-needed", baseUrl: url, model: chosen, agentModels });
  }
  return result;
}

function text(environment: Environment, name: string): string | null {
  const value = environment[name]?.trim();
  return value ? value : null;
}

function positiveInteger(environment: Environment, name: string, fallback: number): number {
  const value = text(environment, name);
  if (value === null) return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) === 0) {
    throw new ConfigError(name, `must be a positive whole number of milliseconds, got "${value}"`);
  }
  return Number(value);
}

function boolean(environment: Environment, name: string, fallback: boolean): boolean {
  const value = text(environment, name)?.toLowerCase();
  if (value === undefined || value === null) return fallback;
  if (["true", "1", "yes", "on"].includes(value)) return true;
  if (["false", "0", "no", "off"].includes(value)) return false;
  throw new ConfigError(name, `must be true or false, got "${value}"`);
}

function weights(environment: Environment, name: string): Record<string, number> {
  const value = text(environment, name);
  const result: Record<string, number> = {};
  if (value === null) return result;
  for (const part of value.split(",")) {
    const match = /^\s*([a-z][a-z-]{0,30})\s*=\s*(\d{1,4})\s*$/.exec(part);
    if (!match) throw new ConfigError(name, `expected provider=weight pairs such as "qwen=70,openai=30"`);
    result[match[1]!] = Number(match[2]);
  }
  return result;
}
