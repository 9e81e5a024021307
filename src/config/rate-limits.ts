// The per-client request budgets from the environment (src/limits/settings.ts has the defaults and why):
// KEY_RATE_LIMITS and ADDRESS_RATE_LIMITS as "parse=600,booking=60" (the actions not named keep their
// defaults; 0 turns one off), FAILED_AUTH_LIMIT and FAILED_AUTH_WINDOW_MINUTES.
import { LIMITED_ACTIONS, type LimitedAction } from "../http/principal.js";
import { type ActionRates, DEFAULT_RATE_LIMITS, type RateLimits } from "../limits/settings.js";
import { count, type Environment, list } from "./environment.js";

export function readRateLimits(environment: Environment): RateLimits {
  const defaults = DEFAULT_RATE_LIMITS;
  return {
    perKey: actionRates(environment, "KEY_RATE_LIMITS", defaults.perKey),
    perAddress: actionRates(environment, "ADDRESS_RATE_LIMITS", defaults.perAddress),
    failedAuthLimit: count(environment, "FAILED_AUTH_LIMIT", defaults.failedAuthLimit, 0),
    failedAuthWindowMinutes: count(
      environment,
      "FAILED_AUTH_WINDOW_MINUTES",
      defaults.failedAuthWindowMinutes,
      1,
    ),
  };
}

function actionRates(environment: Environment, name: string, defaults: ActionRates): ActionRates {
  const rates = { ...defaults };
  const parts = list(
    environment,
    name,
    /^\s*([a-z]+)\s*=\s*(\d{1,7})\s*$/,
    `expected action=requests per minute for ${LIMITED_ACTIONS.join(", ")}, such as "parse=600,booking=60"`,
    (match) => LIMITED_ACTIONS.includes(match[1] as LimitedAction),
  );
  for (const match of parts) rates[match[1] as LimitedAction] = Number(match[2]);
  return rates;
}
