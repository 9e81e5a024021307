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
  const port = Number(process.env.PORT ?? 8787);
  const hostname = process.env.HOST ?? "127.0.0.1";
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
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
