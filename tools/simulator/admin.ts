// The admin routes the CLI and other processes use to steer a running simulator:
// POST /_sim/faults ({provider, model?, faults} or {rules: [...]}), POST /_sim/quota ({provider, limit?,
// windowMs?, remaining?}: the provider's rate-limit quota), GET /_sim/attempts, POST /_sim/reset,
// each for the root or, under /scopes/<id>, for one scope; and at the root POST /_sim/scopes ({seed?,
// faults?}) to open a scope, DELETE /_sim/scopes/<id> to close it.
import { z } from "zod";
import { faultConfigSchema, faultSchema } from "./faults.js";
import { quotaChangeSchema } from "./quota.js";
import { baseUrls } from "./routes.js";
import type { Scopes, SimulatorControl } from "./scope.js";

const oneRule = z.object({
  provider: z.string(),
  model: z.string().optional(),
  faults: z.array(faultSchema),
});

export function handleAdmin(
  method: string,
  path: string,
  body: unknown,
  control: SimulatorControl,
): { status: number; body: unknown } {
  if (method === "GET" && path === "/_sim/attempts")
    return { status: 200, body: { attempts: control.attempts() } };
  if (method === "POST" && path === "/_sim/reset") {
    control.reset();
    return { status: 200, body: { ok: true } };
  }
  if (method === "DELETE" && path === "/_sim/faults") {
    control.clearFaults();
    return { status: 200, body: { ok: true } };
  }
  if (method === "POST" && path === "/_sim/faults") {
    const single = oneRule.safeParse(body);
    const many = single.success ? null : faultConfigSchema.safeParse(body);
    const rules = single.success ? [single.data] : many?.success ? many.data.rules : null;
    if (rules === null) {
      return {
        status: 400,
        body: { error: "invalid faults", issues: (many?.error ?? single.error)?.issues },
      };
    }
    for (const rule of rules) control.setFaults(rule.provider, rule.model, rule.faults);
    return { status: 200, body: { ok: true, rules: rules.length } };
  }
  if (method === "POST" && path === "/_sim/quota") {
    const parsed = quotaChangeSchema.extend({ provider: z.string() }).safeParse(body);
    if (!parsed.success)
      return { status: 400, body: { error: "invalid quota", issues: parsed.error.issues } };
    const { provider, ...change } = parsed.data;
    try {
      control.setQuota(provider, change);
    } catch (error) {
      // A provider without a quota yet needs both limit and windowMs.
      const issues = error instanceof z.ZodError ? error.issues : [];
      return { status: 400, body: { error: "invalid quota", issues } };
    }
    return { status: 200, body: { ok: true } };
  }
  return { status: 404, body: { error: `no admin route ${method} ${path}` } };
}

const openScopeBody = z.object({ seed: z.number().int().optional(), faults: faultConfigSchema.optional() });

/** The path prefix of a scope's routes. */
const scopePath = (id: string) => `/scopes/${id}`;

/** POST /_sim/scopes and DELETE /_sim/scopes/<id>; null for any other route. */
export function handleScopes(
  method: string,
  path: string,
  body: unknown,
  scopes: Scopes,
  origin: string,
): { status: number; body: unknown } | null {
  if (method === "POST" && path === "/_sim/scopes") {
    const parsed = openScopeBody.safeParse(body ?? {});
    if (!parsed.success)
      return { status: 400, body: { error: "invalid scope", issues: parsed.error.issues } };
    const { id } = scopes.open(parsed.data.seed, parsed.data.faults);
    const url = `${origin}${scopePath(id)}`;
    return { status: 201, body: { id, url, baseUrls: baseUrls(url) } };
  }
  const closing = /^\/_sim\/scopes\/([^/]+)$/.exec(path);
  if (method === "DELETE" && closing) {
    return scopes.close(closing[1]!)
      ? { status: 200, body: { ok: true } }
      : { status: 404, body: { error: `no scope ${closing[1]}` } };
  }
  return null;
}
