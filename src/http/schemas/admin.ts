// The admin API (Authorization: Bearer <ADMIN_TOKEN>): the LLM router's controls, whose every call answers
// with the router's state, and the model registry's per-agent models and variants.
import { z } from "zod";
import { ProviderNameSchema } from "../../providers/types.js";
import { REGISTRY_AGENTS } from "../../registry/model-registry.js";
import { ADMIN_ERRORS, errorResponses } from "./errors.js";
import { ADMIN, json, type PathItems } from "./operation.js";

export const WeightsBodySchema = z
  .strictObject({
    weights: z.partialRecord(ProviderNameSchema, z.number().int().min(0).max(10_000)),
  })
  .meta({ id: "RouterWeights" });
export const PreferredBodySchema = z
  .strictObject({ provider: ProviderNameSchema.nullable() })
  .meta({ id: "RouterPreferred" });
export const SwitchBodySchema = z.strictObject({ enabled: z.boolean() }).meta({ id: "RouterSwitch" });

const ADMIN_BODY_ERRORS = { "400": "invalid_request or invalid_json", "415": "unsupported_media_type" };
const ROUTER_ERRORS = { ...ADMIN_ERRORS, "404": "not_found (no provider configured, or no such provider)" };
const routerState = {
  "200": { description: "The router's state after the call", content: json("RouterState") },
};

function routerChange(operationId: string, summary: string, schema: string) {
  return {
    put: {
      operationId,
      summary,
      security: ADMIN,
      requestBody: { required: true, content: json(schema) },
      responses: { ...routerState, ...errorResponses({ ...ADMIN_BODY_ERRORS, ...ROUTER_ERRORS }) },
    },
  };
}

const anyJson = { description: "JSON", content: { "application/json": { schema: { type: "object" } } } };

export const adminPaths: PathItems = {
  "/admin/router": {
    get: {
      operationId: "getRouter",
      summary: "The router's state",
      description: "Every provider's health, breaker, pause and window figures.",
      security: ADMIN,
      responses: { ...routerState, ...errorResponses(ROUTER_ERRORS) },
    },
  },
  "/admin/router/weights": routerChange(
    "setRouterWeights",
    "Set routing weights by provider",
    "RouterWeights",
  ),
  "/admin/router/preferred": routerChange(
    "setRouterPreferred",
    "Set the preferred provider (used while healthy), or none",
    "RouterPreferred",
  ),
  "/admin/router/conservation": routerChange(
    "setRouterConservation",
    "Switch conservation mode on or off",
    "RouterSwitch",
  ),
  "/admin/router/degraded": routerChange(
    "setRouterDegraded",
    "Force the degraded mode (the minimal sequence) on or off",
    "RouterSwitch",
  ),
  "/admin/router/breakers/{provider}/reset": {
    post: {
      operationId: "resetRouterBreaker",
      summary: "Close a provider's breakers",
      description: "Closes a provider's breakers (all its models, or ?model=), clears its pause and window.",
      security: ADMIN,
      parameters: [
        { name: "provider", in: "path", required: true, schema: { type: "string" } },
        { name: "model", in: "query", required: false, schema: { type: "string" } },
      ],
      responses: { ...routerState, ...errorResponses(ROUTER_ERRORS) },
    },
  },
  "/admin/models": {
    get: {
      operationId: "getModels",
      summary: "Models per agent",
      description: "Baseline and fine-tuned models per agent, rollouts, kill switches and rollbacks.",
      security: ADMIN,
      responses: { "200": anyJson, ...errorResponses(ADMIN_ERRORS) },
    },
  },
  "/admin/models/{agent}": {
    put: {
      operationId: "setModels",
      summary: "Change an agent's models",
      description: "Rollout percentage, kill switch (useFinetuned), generation settings.",
      security: ADMIN,
      parameters: [
        { name: "agent", in: "path", required: true, schema: { type: "string", enum: [...REGISTRY_AGENTS] } },
      ],
      requestBody: { required: true, content: json("AgentModels") },
      responses: {
        "200": anyJson,
        ...errorResponses({
          ...ADMIN_ERRORS,
          ...ADMIN_BODY_ERRORS,
          "404": "not_found (no such agent, or the fine-tuned provider is not configured)",
        }),
      },
    },
  },
  "/admin/variants": {
    get: {
      operationId: "compareVariants",
      summary: "Compare model variants",
      description:
        "Each agent's variants over the window: calls, p50/p95 latency, error and invalid JSON rates, " +
        "mean confidence, cost.",
      security: ADMIN,
      responses: { "200": anyJson, ...errorResponses(ADMIN_ERRORS) },
    },
  },
};
