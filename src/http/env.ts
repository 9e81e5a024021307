// What the app's middleware and every route share per request: its id, the fields of its log line, the
// client's address, and who the request speaks for (set by the auth middleware; absent means anonymous, see principal.ts).
import type { LogRecord } from "./logger.js";
import type { Principal } from "./principal.js";

export type AppEnv = {
  Variables: {
    requestId: string;
    log: LogRecord;
    principal: Principal | undefined;
    /** The client's address (client-id.ts), resolved once; null when the runtime does not say. */
    clientAddress: string | null | undefined;
  };
};
