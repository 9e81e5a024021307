// Node entry: reads the environment once and serves the app with @hono/node-server.
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { ConfigError, readConfig } from "./config.js";
import { jsonLogger } from "./http/logger.js";

function main(): void {
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`cita: invalid configuration: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Blank counts as unset, as in readConfig: an empty PORT would otherwise listen on a random port and an
  // empty HOST on every interface.
  const portText = process.env.PORT?.trim() || "8787";
  const port = Number(portText);
  const hostname = process.env.HOST?.trim() || "127.0.0.1";
  if (!/^\d{1,5}$/.test(portText) || port > 65535) {
    process.stderr.write("cita: invalid configuration: PORT: must be a port number\n");
    process.exit(1);
  }
  const logger = jsonLogger(config.logLevel === "warn" ? "error" : config.logLevel, (line) =>
    process.stdout.write(`${line}\n`),
  );
  const app = createApp({ config, logger });
  const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
    logger.info({ event: "listening", url: `http://${hostname}:${info.port}` });
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main();
