// GET /: the playground's page (issue 18, item 2).
import { Hono } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../http/env.js";
import { renderPage } from "../page.js";

export function playgroundRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get("/", (context) =>
    context.html(
      renderPage({
        title: "Cita",
        scripts: [],
        styles: [],
        body: html`<main><h1>Cita</h1></main>`,
      }),
    ),
  );
}
