// GET /health: 200 while the service can answer (the rules path always can). "degraded" when the LLMs are,
// or when an engine this instance relies on is unavailable: the calendar store (bookings answer 503 then)
// or the shared-state store (each instance decides from its local view then). docs/scale.md.
import { Hono } from "hono";
import type { StoreHealth } from "../../calendars/store-health.js";
import type { LlmRouter } from "../../router/router.js";
import { type SharedState, shownStatus } from "../../shared/state.js";
import type { AppEnv } from "../env.js";

export interface HealthRouteOptions {
  version: string;
  router: LlmRouter | null;
  /** The calendar store's health, when the app has a store. */
  storeHealth: StoreHealth | null;
  /** What the instances share; shown only when something is (not for the embedded default). */
  shared: SharedState | undefined;
}

export function healthRoutes(options: HealthRouteOptions): Hono<AppEnv> {
  const { version, router, storeHealth, shared } = options;
  return new Hono<AppEnv>().get("/health", async (context) => {
    const snapshot = router?.snapshot();
    const calendars = storeHealth === null ? undefined : await storeHealth.status();
    const sharedStatus = shownStatus(shared);
    const unavailable = calendars?.state === "unavailable" || sharedStatus?.state === "unavailable";
    const routerDegraded = snapshot !== undefined && snapshot.state !== "healthy";
    return context.json({
      status: unavailable || routerDegraded ? "degraded" : "ok",
      version,
      modes: router !== null ? ["rules", "llm"] : ["rules"],
      ...(snapshot !== undefined ? { router: snapshot } : {}),
      stores: {
        ...(calendars !== undefined ? { calendars } : {}),
        ...(sharedStatus !== undefined ? { shared: sharedStatus } : {}),
      },
    });
  });
}
