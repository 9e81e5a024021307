// What the app's middleware and every route share per request: its id, and the fields of its log line.
import type { LogRecord } from "./logger.js";

export type AppEnv = { Variables: { requestId: string; log: LogRecord } };
