// GET /ops: the operations page (issue 18, item 4). The shell is public; the data behind it is the admin
// API's (GET /admin/router, /admin/models, /admin/variants, /admin/series and /health), read with the token
// the operator types, which the page keeps in the tab's session storage only.
import { Hono } from "hono";
import type { AppEnv } from "../../http/env.js";
import { renderPage } from "../page.js";
import { opsMarkup } from "./markup.js";
import { english } from "./words.js";

export function opsRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get("/ops", (context) =>
    context.html(
      renderPage({
        title: english("title.ops"),
        scripts: ["/static/ops/main.js"],
        styles: ["/static/console.css", "/static/vendor/uPlot.min.css", "/static/ops/ops.css"],
        body: opsMarkup(),
      }),
    ),
  );
}
