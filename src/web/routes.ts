// The console in the browser (issue 18): the playground at / and the operations page at /ops, both
// server-rendered shells whose scripts (src/web/public/static) call the service's own API. Mounted by
// src/app.ts on both runtimes.
import { Hono } from "hono";
import type { AppEnv } from "../http/env.js";
import { opsRoutes } from "./ops/routes.js";
import { pageHeaders } from "./page.js";
import { playgroundRoutes } from "./playground/routes.js";

/** The console's pages: HTML for people, outside the API's OpenAPI document. */
export const PAGE_PATHS = ["/", "/golden", "/ops"] as const;

export function webRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  for (const path of PAGE_PATHS) routes.use(path, pageHeaders());
  routes.route("/", playgroundRoutes());
  routes.route("/", opsRoutes());
  return routes;
}
