// What an incident manager is built from (manager.ts): its settings, where records are kept, the router it
// watches, and the optional parts (clock, logger, notifier, recovery check, model registry).
import type { Logger } from "../http/logger.js";
import type { ModelRegistry } from "../registry/model-registry.js";
import type { Clock, LlmRouter } from "../router/router.js";
import type { IncidentSettings } from "./settings.js";
import type { IncidentNotifier, IncidentStore, RecoveryChecker } from "./types.js";

/** What the manager reads of the router: its state, its snapshot's reasons and its health thresholds. */
export type IncidentRouter = Pick<LlmRouter, "state" | "snapshot" | "settings">;

export interface IncidentManagerOptions {
  settings: IncidentSettings;
  store: IncidentStore;
  /** null: no router configured (only rollbacks open incidents). */
  router: IncidentRouter | null;
  clock?: Clock;
  logger?: Logger;
  notifier?: IncidentNotifier;
  recovery?: RecoveryChecker;
  /** The model registry, for the fine-tuned versus baseline comparison. */
  registry?: Pick<ModelRegistry, "compare">;
}
