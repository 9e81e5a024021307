// GET /admin/series (Authorization: Bearer $ADMIN_TOKEN): the last hour of the service minute by minute, for
// the operations page's charts (src/web/ops). The timeline (src/metrics/timeline.ts) is the instance's own on
// Node, the fleet's from the metrics Durable Object on Workers when it is bound and answers, else the
// isolate's; `scope` says which.
import { Hono, type MiddlewareHandler } from "hono";
import type { TimelineAnswer } from "../../metrics/timeline.js";
import type { AppEnv } from "../env.js";
import { SERIES_PATH } from "../schemas/series.js";

export interface SeriesAdminOptions {
  /** Lets through only the admin: ADMIN_TOKEN or a key with the `admin` scope (src/http/access.ts). */
  admin: MiddlewareHandler<AppEnv>;
  timeline: () => Promise<TimelineAnswer>;
}

export function seriesAdminRoutes(options: SeriesAdminOptions): Hono<AppEnv> {
  return new Hono<AppEnv>().get(SERIES_PATH, options.admin, async (context) =>
    context.json(await options.timeline()),
  );
}
