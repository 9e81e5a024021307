// Configuration: defaults, and each invalid value stops start-up with an error naming its variable and
// leaking no secret (shared/spec/config.md).
import { describe, expect, it } from "vitest";
import { ConfigError, type Environment, readConfig } from "./config.js";
import { DEFAULT_INCIDENT_SETTINGS } from "./incidents/settings.js";
import { DEFAULT_RATE_LIMITS } from "./limits/settings.js";
import { DEFAULT_PRICES } from "./metrics/prices.js";
import { PROVIDER_DEFAULTS } from "./providers/registry.js";
import { PROVIDER_NAMES } from "./providers/types.js";
import { DEFAULT_ROUTER_SETTINGS } from "./router/settings.js";

const SECRETS: Environment = {
  ADMIN_TOKEN: "admin-secret-7f3a9c-0123456789abcdef",
  METRICS_TOKEN: "metrics-secret-2d4e6f-0123456789abcdef",
  QWEN_API_KEY: "sk-qwen-secret-1b2c3d",
  OPENAI_API_KEY: "sk-openai-secret-4e5f6a",
  ANTHROPIC_API_KEY: "sk-ant-secret-7b8c9d",
  MISTRAL_API_KEY: "mistral-secret-0e1f2a",
  OPENAI_COMPATIBLE_API_KEY: "compatible-secret-3b4c5d",
};

function configError(environment: Environment): ConfigError {
  try {
    readConfig(environment);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`readConfig accepted ${JSON.stringify(environment)}`);
}

describe("readConfig defaults", () => {
  it("fills every default from an empty environment", () => {
    expect(readConfig({})).toEqual({
      defaultTimezone: "UTC",
      logLevel: "info",
      adminToken: null,
      metricsToken: null,
      corsOrigins: [],
      trustedProxies: [],
      databasePath: "data/cita.db",
      databaseUrl: null,
      maxActiveBookingsPerContact: 10,
      maxActiveBookingsPerKey: 1_000,
      allowAnonymous: false,
      rateLimits: DEFAULT_RATE_LIMITS,
      llm: {
        conservationMode: false,
        preferredProvider: null,
        weights: {},
        router: DEFAULT_ROUTER_SETTINGS,
        prices: DEFAULT_PRICES,
        registry: {},
        variantWindowMs: 3_600_000,
        rollbackMinSamples: 50,
        providers: [],
      },
      incidents: DEFAULT_INCIDENT_SETTINGS,
    });
  });

  it("treats empty and blank values as unset", () => {
    const blank = {
      DEFAULT_TIMEZONE: "",
      LOG_LEVEL: "  ",
      ADMIN_TOKEN: "",
      METRICS_TOKEN: " ",
      CORS_ORIGINS: "",
      TRUSTED_PROXIES: "",
      LLM_DEADLINE_MS: " ",
      CONSERVATION_MODE: "",
      LLM_WEIGHTS: "",
    };
    expect(readConfig(blank)).toEqual(readConfig({}));
  });

  it("reads valid values", () => {
    const config = readConfig({
      DEFAULT_TIMEZONE: "America/Mexico_City",
      LOG_LEVEL: "DEBUG",
      ADMIN_TOKEN: " admin-token-0123456789abcdef-0123 ",
      METRICS_TOKEN: "metrics-token-0123456789abcdef-01",
      CORS_ORIGINS: "https://app.example, http://localhost:5173",
      TRUSTED_PROXIES: "127.0.0.1/32",
      DATABASE_PATH: "/tmp/cita.db",
      DATABASE_URL: "postgresql://cita:secret@db.internal:5432/cita?sslmode=require",
      MAX_ACTIVE_BOOKINGS_PER_CONTACT: "4",
      MAX_ACTIVE_BOOKINGS_PER_KEY: "50",
      ALLOW_ANONYMOUS: "true",
      KEY_RATE_LIMITS: "parse=1200",
      FAILED_AUTH_LIMIT: "5",
      LLM_DEADLINE_MS: "12000",
      LLM_ATTEMPT_TIMEOUT_MS: "3000",
      CONSERVATION_MODE: "yes",
      LLM_PROVIDER: "qwen",
      LLM_WEIGHTS: "qwen=70, anthropic=20 ,openai=10",
      LLM_PRICES: "qwen-plus=0.5/1.5, my-model:7b=0/0",
    });
    expect(config).toEqual({
      defaultTimezone: "America/Mexico_City",
      logLevel: "debug",
      adminToken: "admin-token-0123456789abcdef-0123",
      metricsToken: "metrics-token-0123456789abcdef-01",
      corsOrigins: ["https://app.example", "http://localhost:5173"],
      trustedProxies: [{ base: (0xffffn << 32n) | 0x7f000001n, prefix: 128 }],
      databasePath: "/tmp/cita.db",
      databaseUrl: "postgresql://cita:secret@db.internal:5432/cita?sslmode=require",
      maxActiveBookingsPerContact: 4,
      maxActiveBookingsPerKey: 50,
      allowAnonymous: true,
      rateLimits: {
        ...DEFAULT_RATE_LIMITS,
        perKey: { ...DEFAULT_RATE_LIMITS.perKey, parse: 1200 },
        failedAuthLimit: 5,
      },
      llm: {
        conservationMode: true,
        preferredProvider: "qwen",
        weights: { qwen: 70, anthropic: 20, openai: 10 },
        router: { ...DEFAULT_ROUTER_SETTINGS, deadlineMs: 12000, attemptTimeoutMs: 3000 },
        prices: {
          ...DEFAULT_PRICES,
          "qwen-plus": { input: 0.5, output: 1.5 },
          "my-model:7b": { input: 0, output: 0 },
        },
        registry: {},
        variantWindowMs: 3_600_000,
        rollbackMinSamples: 50,
        providers: [],
      },
      incidents: DEFAULT_INCIDENT_SETTINGS,
    });
  });

  it("reads the router's settings", () => {
    const { router } = readConfig({
      LLM_MAX_ATTEMPTS: "3",
      LLM_HEDGE_DELAY_MS: "1500",
      LLM_HEDGE_BUDGET: "5%",
      LLM_RATE_LIMITS: "qwen=600/200000, openai=60",
      LLM_CACHE_TTL_S: "0",
      LLM_CACHE_MAX_ENTRIES: "0",
      LLM_TIMEOUT_RATE_MAX: "0.1",
      LLM_CONFIDENCE_MIN: "0.6",
      LLM_HEALTH_WINDOW_MS: "30000",
    }).llm;
    expect(router).toMatchObject({
      maxAttempts: 3,
      hedgeDelayMs: 1500,
      hedgeBudget: 0.05,
      rateLimits: {
        qwen: { requestsPerMinute: 600, tokensPerMinute: 200000 },
        openai: { requestsPerMinute: 60, tokensPerMinute: null },
      },
      cacheTtlMs: 0,
      cacheMaxEntries: 0,
      health: { ...DEFAULT_ROUTER_SETTINGS.health, timeoutRate: 0.1, minConfidence: 0.6, windowMs: 30000 },
    });
  });

  it.each([
    ["true", true],
    ["1", true],
    ["on", true],
    ["TRUE", true],
    ["false", false],
    ["0", false],
    ["no", false],
    ["off", false],
  ])("reads CONSERVATION_MODE=%s as %s", (value, expected) => {
    expect(readConfig({ CONSERVATION_MODE: value }).llm.conservationMode).toBe(expected);
  });

  it.each(["debug", "info", "warn", "error"])("accepts LOG_LEVEL=%s", (level) => {
    expect(readConfig({ LOG_LEVEL: level }).logLevel).toBe(level);
  });
});

describe("readConfig rejects invalid values, naming the variable", () => {
  it.each([
    ["DEFAULT_TIMEZONE", "Mars/Olympus_Mons"],
    ["DEFAULT_TIMEZONE", "GMT+25"],
    ["DEFAULT_TIMEZONE", "not a zone"],
    ["LOG_LEVEL", "verbose"],
    ["LOG_LEVEL", "trace"],
    ["DATABASE_URL", "mysql://cita:pw@db/cita"],
    ["DATABASE_URL", "data/cita.db"],
    ["DATABASE_URL", "postgres://"],
    ["DATABASE_URL", "postgres://cita@db /cita"],
    ["LLM_DEADLINE_MS", "0"],
    ["LLM_DEADLINE_MS", "-5"],
    ["LLM_DEADLINE_MS", "8s"],
    ["LLM_DEADLINE_MS", "1.5"],
    ["LLM_DEADLINE_MS", "1e4"],
    ["LLM_DEADLINE_MS", "10000000000"],
    ["LLM_ATTEMPT_TIMEOUT_MS", "soon"],
    ["CONSERVATION_MODE", "maybe"],
    ["CONSERVATION_MODE", "2"],
    ["LLM_WEIGHTS", "qwen"],
    ["LLM_WEIGHTS", "qwen=lots"],
    ["LLM_WEIGHTS", "=70"],
    ["LLM_WEIGHTS", "qwen=70;openai=30"],
    ["LLM_WEIGHTS", "qwen=70,"],
    ["LLM_WEIGHTS", "qwen=-1"],
    ["LLM_WEIGHTS", "gemini=50"],
    ["LLM_PROVIDER", "gemini"],
    ["LLM_ATTEMPT_TIMEOUT_MS", "9000"],
    ["LLM_MAX_ATTEMPTS", "0"],
    ["LLM_HEDGE_BUDGET", "1.5"],
    ["LLM_HEDGE_BUDGET", "150%"],
    ["LLM_TIMEOUT_RATE_MAX", "-0.1"],
    ["LLM_RATE_LIMITS", "qwen=0"],
    ["LLM_RATE_LIMITS", "qwen=60/"],
    ["LLM_RATE_LIMITS", "gemini=60"],
    ["LLM_CACHE_TTL_S", "5m"],
    ["LLM_BACKOFF_BASE_MS", "5000"],
    ["LLM_P95_DEGRADED_MS", "20000"],
    ["LLM_PRICES", "qwen-plus=0.4"],
    ["LLM_PRICES", "qwen-plus=cheap/1"],
    ["MODEL_REGISTRY", "{not json"],
    ["MODEL_REGISTRY", '{"temporal":{"rolloutPercent":10}}'],
    ["MODEL_REGISTRY", '{"parsing":{"rolloutPercent":120}}'],
    ["MODEL_REGISTRY", '{"parsing":{"finetuned":{"provider":"qwen","model":"ft"}}}'],
    ["LLM_DAILY_BUDGET_USD", "ten"],
    ["MODEL_ROLLBACK_MIN_SAMPLES", "0"],
    ["ADMIN_TOKEN", "s3cret"],
    ["ADMIN_TOKEN", "cita_bt_0123456789abcdef0123456789abcdef"],
    ["ADMIN_TOKEN", "admin-token-0123456789abcdef-01"],
    ["ADMIN_TOKEN", "admin token 0123456789abcdef 0123"],
    ["METRICS_TOKEN", "scrape"],
    ["CORS_ORIGINS", "*"],
    ["TRUSTED_PROXIES", "proxy.internal"],
    ["CORS_ORIGINS", "https://app.example/chat"],
    ["CORS_ORIGINS", "app.example"],
    ["CORS_ORIGINS", "null"],
    ["CORS_ORIGINS", "https://app.example,ftp://files.example"],
  ])("%s=%s", (variable, value) => {
    const error = configError({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}:`)).toBe(true);
    expect(error.name).toBe("ConfigError");
  });

  it("names the variable that is wrong, not a valid neighbour", () => {
    const error = configError({
      DEFAULT_TIMEZONE: "Europe/Madrid",
      LOG_LEVEL: "info",
      LLM_DEADLINE_MS: "soon",
    });
    expect(error.variable).toBe("LLM_DEADLINE_MS");
    expect(error.message).not.toContain("DEFAULT_TIMEZONE");
  });
});

describe("secrets", () => {
  const invalid: Environment[] = [
    { DEFAULT_TIMEZONE: "Nowhere/Land" },
    { LOG_LEVEL: "loud" },
    { LLM_DEADLINE_MS: "never" },
    { LLM_ATTEMPT_TIMEOUT_MS: "0" },
    { CONSERVATION_MODE: "perhaps" },
    { LLM_WEIGHTS: "qwen:70" },
    { CORS_ORIGINS: "*" },
  ];

  it.each(invalid.map((environment) => [Object.keys(environment)[0]!, environment] as const))(
    "an error about %s mentions no secret",
    (_variable, environment) => {
      const error = configError({ ...SECRETS, ...environment });
      const rendered = `${error.message}\n${error.stack ?? ""}\n${JSON.stringify(error)}\n${String(error)}`;
      for (const secret of Object.values(SECRETS)) expect(rendered).not.toContain(secret!);
    },
  );

  it.each(["ADMIN_TOKEN", "METRICS_TOKEN"])("a %s too short is refused without being shown", (variable) => {
    const error = configError({ [variable]: "short-secret-7e1d" });
    expect(error.message).toBe(
      `${variable}: must be at least 32 characters long (generate one with \`openssl rand -hex 32\`)`,
    );
    expect(`${error.message}\n${error.stack ?? ""}`).not.toContain("short-secret-7e1d");
  });
});

describe("LLM providers", () => {
  it("enables a provider by its key, with its default URL and model, and reads per-agent models", () => {
    const config = readConfig({
      QWEN_API_KEY: "k",
      MISTRAL_API_KEY: "m",
      MISTRAL_MODEL_PARSING: "mistral-large",
    });
    expect(
      config.llm.providers.map((provider) => [provider.name, provider.model, provider.agentModels]),
    ).toEqual([
      ["qwen", "qwen-plus", {}],
      ["mistral", "mistral-small-latest", { parsing: "mistral-large" }],
    ]);
  });

  it("enables the OpenAI-compatible server by its base URL, and requires its model", () => {
    expect(() => readConfig({ OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:11434/v1" })).toThrow(
      /OPENAI_COMPATIBLE_MODEL/,
    );
    const config = readConfig({
      OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:11434/v1",
      OPENAI_COMPATIBLE_MODEL: "llama3",
    });
    expect(config.llm.providers[0]).toMatchObject({ name: "openai-compatible", model: "llama3" });
  });

  it("refuses a base URL that is not http(s), naming the variable and never the key", () => {
    expect(() => readConfig({ OPENAI_API_KEY: "sk-secret-sentinel", OPENAI_BASE_URL: "ftp://x" })).toThrow(
      /OPENAI_BASE_URL/,
    );
    try {
      readConfig({ OPENAI_API_KEY: "sk-secret-sentinel", OPENAI_BASE_URL: "ftp://x" });
    } catch (error) {
      expect(String(error)).not.toContain("sk-secret-sentinel");
    }
  });

  it.each(PROVIDER_NAMES)("reads %s with the prefix and defaults its folder exports", (name) => {
    const { environmentPrefix: prefix, baseUrl, model, price, enabledBy } = PROVIDER_DEFAULTS[name];
    const enabling =
      enabledBy === "apiKey"
        ? { [`${prefix}_API_KEY`]: "k" }
        : { [`${prefix}_BASE_URL`]: "http://127.0.0.1:8080/v1", [`${prefix}_MODEL`]: "local-model" };

    const [settings] = readConfig({ ...enabling, [`${prefix}_MODEL_PARSING`]: "parsing-model" }).llm
      .providers;

    expect(settings).toEqual({
      name,
      apiKey: enabledBy === "apiKey" ? "k" : "not-needed",
      baseUrl: baseUrl ?? "http://127.0.0.1:8080/v1",
      model: model ?? "local-model",
      agentModels: { parsing: "parsing-model" },
    });
    expect(
      readConfig({ ...enabling, [`${prefix}_BASE_URL`]: "http://10.0.0.1/v1" }).llm.providers[0],
    ).toMatchObject({ name, baseUrl: "http://10.0.0.1/v1" });
    if (model !== null) expect(DEFAULT_PRICES[model]).toEqual(price);
  });
});
