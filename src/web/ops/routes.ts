// GET /ops: the operations page (issue 18, item 4).
import { Hono } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../http/env.js";
import { renderPage } from "../page.js";

export function opsRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get("/ops", (context) =>
    context.html(
      renderPage({
        title: "Cita operations",
        scripts: [],
        styles: [],
        body: html`<main><h1>Cita operations</h1></main>`,
      }),
    ),
  );
}
