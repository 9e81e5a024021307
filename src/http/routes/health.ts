// GET /health: 200 while the service can answer (the rules path always can); "degraded" when the LLMs are.
import { Hono } from "hono";
import type { LlmRouter } from "../../router/router.js";
import type { AppEnv } from "../env.js";

export function healthRoutes(options: { version: string; router: LlmRouter | null }): Hono<AppEnv> {
  const { version, router } = options;
  return new Hono<AppEnv>().get("/health", (context) => {
    const snapshot = router?.snapshot();
    return context.json({
      status: snapshot === undefined || snapshot.state === "healthy" ? "ok" : "degraded",
      version,
      modes: router !== null ? ["rules", "llm"] : ["rules"],
      ...(snapshot !== undefined ? { router: snapshot } : {}),
    });
  });
}
