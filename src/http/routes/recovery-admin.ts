// POST /admin/recovery-check (Authorization: Bearer $ADMIN_TOKEN): the runbook's post-recovery test on
// demand, for every configured provider or the ones the body names (src/incidents/recovery.ts). The report
// is the answer, and goes to `onReport` too (the incident manager resolves an incident on a passing one).
// One check at a time: each sends real calls to the providers, so a second waits for nobody and is told
// to come back.
import { Hono, type MiddlewareHandler } from "hono";
import type { RecoveryChecker, RecoveryReport } from "../../incidents/types.js";
import type { ProviderName } from "../../providers/types.js";
import type { AppEnv } from "../env.js";
import { ApiError } from "../errors.js";
import { RECOVERY_CHECK_PATH, RecoveryCheckBodySchema } from "../schemas/recovery.js";
import { MAX_BODY_BYTES, readJsonBody, validate } from "../validation.js";

/** What a client is told to wait when a check is running: a check of eight cases takes seconds. */
const RETRY_AFTER_SECONDS = 5;

export interface RecoveryCheckOptions {
  /** Lets through only the admin: ADMIN_TOKEN or a key with the `admin` scope (src/http/access.ts). */
  admin: MiddlewareHandler<AppEnv>;
  /** Null when no provider is configured: nothing to check. */
  checker: (RecoveryChecker & { readonly providers: readonly ProviderName[] }) | null;
  onReport?: (report: RecoveryReport) => void;
}

export function recoveryCheckRoutes(options: RecoveryCheckOptions): Hono<AppEnv> {
  let running = false;
  return new Hono<AppEnv>().post(RECOVERY_CHECK_PATH, options.admin, async (context) => {
    const { checker } = options;
    if (checker === null) {
      throw new ApiError("llm_unavailable", "No LLM provider is configured: there is nothing to check.");
    }
    // The body is optional: none checks every configured provider.
    const body = await readJsonBody(context.req.raw, MAX_BODY_BYTES, { optional: true });
    const { providers } = validate(RecoveryCheckBodySchema, body ?? {});
    const unknown = providers?.find((name) => !checker.providers.includes(name));
    if (unknown !== undefined) {
      throw new ApiError("invalid_request", `providers: ${unknown} is not a configured provider.`);
    }
    if (running) {
      throw new ApiError("rate_limited", "A recovery check is running already; retry when it has ended.", {
        "Retry-After": String(RETRY_AFTER_SECONDS),
      });
    }
    running = true;
    try {
      const report = await checker.check(providers);
      options.onReport?.(report);
      return context.json(report);
    } finally {
      running = false;
    }
  });
}
