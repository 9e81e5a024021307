// Cloudflare Workers entry (named in wrangler.toml): builds the app from the bindings on first use. No
// state, timers or randomness at global scope, as Workers requires.
import type { Hono } from "hono";
import { type AppEnv, createApp } from "./app.js";
import { type Environment, readConfig } from "./config.js";
import { jsonLogger } from "./http/logger.js";

let app: Hono<AppEnv> | undefined;

function appFor(bindings: Record<string, unknown>): Hono<AppEnv> {
  if (app === undefined) {
    const environment: Environment = {};
    for (const [name, value] of Object.entries(bindings)) {
      if (typeof value === "string") environment[name] = value;
    }
    const config = readConfig(environment);
    app = createApp({
      config,
      logger: jsonLogger(config.logLevel === "warn" ? "error" : config.logLevel, (line) => console.log(line)),
    });
  }
  return app;
}

export default {
  fetch(
    request: Request,
    bindings: Record<string, unknown>,
    executionContext: unknown,
  ): Response | Promise<Response> {
    return appFor(bindings).fetch(request, bindings, executionContext as never);
  },
};
