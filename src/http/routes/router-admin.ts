// Admin API of the LLM router (Authorization: Bearer $ADMIN_TOKEN; 403 when no token is configured): read
// its state, set weights, the preferred provider, conservation mode and a forced degraded mode, reset a
// breaker. Each call answers with the router's state after it, so an operator sees the effect at once.
import { Hono, type MiddlewareHandler } from "hono";
import type { ProviderName } from "../../providers/types.js";
import type { LlmRouter } from "../../router/router.js";
import type { AppEnv } from "../env.js";
import { ApiError } from "../errors.js";
import { PreferredBodySchema, SwitchBodySchema, WeightsBodySchema } from "../schemas/admin.js";
import { readJsonBody, readQuery, validate } from "../validation.js";

export interface RouterAdminOptions {
  /** Lets through only the admin: ADMIN_TOKEN or a key with the `admin` scope (src/http/access.ts). */
  admin: MiddlewareHandler<AppEnv>;
  router: LlmRouter | null;
  /** Told about every change, for the log. */
  onChange?: (change: string) => void;
}

export function routerAdminRoutes(options: RouterAdminOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { admin } = options;
  const routerOf = (): LlmRouter => {
    if (options.router === null) {
      throw new ApiError("not_found", "No LLM provider is configured, so there is no router to manage.");
    }
    return options.router;
  };
  const changed = (change: string) => options.onChange?.(change);
  const providerOf = (router: LlmRouter, name: string): ProviderName => {
    const provider = router.providers.find((entry) => entry.name === name);
    if (provider === undefined) throw new ApiError("not_found", `No configured provider named ${name}.`);
    return provider.name;
  };

  routes.get("/admin/router", admin, (context) => context.json(routerOf().snapshot()));

  routes.put("/admin/router/weights", admin, async (context) => {
    const router = routerOf();
    const { weights } = validate(WeightsBodySchema, await readJsonBody(context.req.raw));
    for (const name of Object.keys(weights)) providerOf(router, name);
    router.setWeights(weights);
    changed(`weights ${JSON.stringify(weights)}`);
    return context.json(router.snapshot());
  });

  routes.put("/admin/router/preferred", admin, async (context) => {
    const router = routerOf();
    const { provider } = validate(PreferredBodySchema, await readJsonBody(context.req.raw));
    router.setPreferred(provider === null ? null : providerOf(router, provider));
    changed(`preferred provider ${provider ?? "none"}`);
    return context.json(router.snapshot());
  });

  routes.put("/admin/router/conservation", admin, async (context) => {
    const router = routerOf();
    const { enabled } = validate(SwitchBodySchema, await readJsonBody(context.req.raw));
    router.setConservation(enabled);
    changed(`conservation mode ${enabled ? "on" : "off"}`);
    return context.json(router.snapshot());
  });

  routes.put("/admin/router/degraded", admin, async (context) => {
    const router = routerOf();
    const { enabled } = validate(SwitchBodySchema, await readJsonBody(context.req.raw));
    router.setForcedDegraded(enabled);
    changed(`forced degraded mode ${enabled ? "on" : "off"}`);
    return context.json(router.snapshot());
  });

  routes.post("/admin/router/breakers/:provider/reset", admin, (context) => {
    const router = routerOf();
    const provider = providerOf(router, context.req.param("provider"));
    const model = readQuery(context.req.raw).model;
    if (router.resetBreaker(provider, model) === 0) {
      throw new ApiError("not_found", `No model ${model} routed for ${provider}.`);
    }
    changed(`breaker reset ${provider}${model ? `/${model}` : ""}`);
    return context.json(router.snapshot());
  });
  return routes;
}
