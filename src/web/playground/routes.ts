// GET /: the playground (issue 18, item 2); GET /golden: golden suites run in the browser (item 3).
import { Hono } from "hono";
import type { AppEnv } from "../../http/env.js";
import { goldenPage } from "./golden-page.js";
import { playgroundPage } from "./playground-page.js";

export function playgroundRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get("/", (context) => context.html(playgroundPage()))
    .get("/golden", (context) => context.html(goldenPage()));
}
