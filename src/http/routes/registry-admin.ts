// Admin API of the model registry (Authorization: Bearer $ADMIN_TOKEN; 403 when no token is configured):
// read the baseline and fine-tuned models per agent, change a rollout, the kill switch or the generation
// settings, and compare the variants over the registry's window.
import { Hono, type MiddlewareHandler } from "hono";
import type { LlmProvider } from "../../providers/types.js";
import {
  AgentModelsSchema,
  type ModelRegistry,
  REGISTRY_AGENTS,
  type RegistryAgent,
} from "../../registry/model-registry.js";
import type { AppEnv } from "../env.js";
import { ApiError } from "../errors.js";
import { readJsonBody, validate } from "../validation.js";

export interface RegistryAdminOptions {
  /** Lets through only the admin: ADMIN_TOKEN or a key with the `admin` scope (src/http/access.ts). */
  admin: MiddlewareHandler<AppEnv>;
  registry: ModelRegistry;
  providers: readonly LlmProvider[];
  onChange?: (change: string) => void;
}

export function registryAdminRoutes(options: RegistryAdminOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { admin } = options;
  const agentOf = (name: string): RegistryAgent => {
    if (!REGISTRY_AGENTS.includes(name as RegistryAgent)) {
      throw new ApiError(
        "not_found",
        `No agent ${name} in the registry (only ${REGISTRY_AGENTS.join(", ")} calls an LLM).`,
      );
    }
    return name as RegistryAgent;
  };

  routes.get("/admin/models", admin, (context) => context.json(options.registry.all()));

  routes.put("/admin/models/:agent", admin, async (context) => {
    const agent = agentOf(context.req.param("agent"));
    const change = validate(AgentModelsSchema, await readJsonBody(context.req.raw));
    const provider = change.finetuned?.provider;
    if (provider !== undefined && !options.providers.some((entry) => entry.name === provider)) {
      throw new ApiError("not_found", `No configured provider named ${provider}.`);
    }
    const updated = options.registry.update(agent, change);
    options.onChange?.(`registry ${agent} ${JSON.stringify(change)}`);
    return context.json(updated);
  });

  routes.get("/admin/variants", admin, (context) => context.json(options.registry.compare()));
  return routes;
}
