// The limits as Hono middleware: a request budget per client and action on the routes that cost the most
// (parsing, Duckling, booking creation), and a budget of failed authentications per client address in front
// of every credential check. Over either: 429 rate_limited with Retry-After, before the route reads a byte
// of the body or checks a credential.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/env.js";
import { ApiError } from "../http/errors.js";
import type { LimitedAction } from "../http/principal.js";
import { principalOf } from "../http/subject.js";
import type { RateLimiter } from "./limiter.js";
import { failedAuthBudget, perMinuteBudget, type RateLimits } from "./settings.js";
import { addressSubject, limitedSubject } from "./subjects.js";

export interface LimitOptions {
  limiter: RateLimiter;
  limits: RateLimits;
}

const ACTION_NAMES: Record<LimitedAction, string> = {
  parse: "parse requests",
  duckling: "Duckling requests",
  booking: "bookings",
};

/** The bucket failed authentications are counted in, beside the actions' buckets of the same address. */
const FAILED_AUTH = "failed-auth";

/** One token of the client's `action` budget per request: a key's own rate, else the configured one. */
export function rateLimit(action: LimitedAction, options: LimitOptions): MiddlewareHandler<AppEnv> {
  const { limiter, limits } = options;
  return async (context, next) => {
    const principal = principalOf(context);
    const rate =
      principal.kind === "key"
        ? (principal.ratePerMinute[action] ?? limits.perKey[action])
        : limits.perAddress[action];
    const subject = rate > 0 ? limitedSubject(context) : null;
    if (subject !== null) {
      const waitMs = await limiter.apply(subject, action, perMinuteBudget(rate), "take");
      if (waitMs > 0) {
        throw rateLimited(`Too many ${ACTION_NAMES[action]} from this client (${rate} a minute).`, waitMs);
      }
    }
    await next();
  };
}

/**
 * Every credential check of the app behind one budget per client address (never per key: a guesser tries
 * many): a request that carries `Authorization` is refused 429 while the address's budget is empty, before
 * anything checks it, and each such request answered 401 takes a token. Whichever check answered (ADMIN_TOKEN,
 * METRICS_TOKEN, a client key, a booking's token), the guess is counted here, in one place.
 */
export function failedAuthGuard(options: LimitOptions): MiddlewareHandler<AppEnv> {
  const { limiter, limits } = options;
  const budget = failedAuthBudget(limits);
  return async (context, next) => {
    const subject =
      limits.failedAuthLimit > 0 && context.req.header("authorization") !== undefined
        ? addressSubject(context)
        : null;
    if (subject === null) return next();
    const waitMs = await limiter.apply(subject, FAILED_AUTH, budget, "peek");
    if (waitMs > 0) {
      throw rateLimited("Too many failed authentications from this address.", waitMs);
    }
    await next();
    if (context.res.status === 401) await limiter.apply(subject, FAILED_AUTH, budget, "charge");
  };
}

function rateLimited(message: string, waitMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new ApiError("rate_limited", `${message} Retry after ${seconds} s.`, {
    "Retry-After": String(seconds),
  });
}
