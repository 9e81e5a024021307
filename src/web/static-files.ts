// The console's static files on Node: src/web/public/static served under /static, as Workers Static Assets
// serves the same folder on Workers (wrangler.toml [assets]) with the headers of src/web/public/_headers.
// Imported only from src/node.ts: it reads the disk.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";

/** src/web/public: what /static/... maps into. */
export const PUBLIC_FOLDER = join(dirname(fileURLToPath(import.meta.url)), "public");

/**
 * Serves GET and HEAD of /static/*; anything not there (or a path with "..", a backslash or a percent
 * sign, which serveStatic refuses) falls through to the app's JSON 404.
 */
export function nodeStaticFiles(root: string = PUBLIC_FOLDER): MiddlewareHandler {
  const serve = serveStatic({ root });
  // serveStatic's onFound runs after the response is built, too late for its headers: set them on it.
  return async (context, next) => {
    const response = await serve(context, next);
    if (response instanceof Response) {
      response.headers.set("X-Content-Type-Options", "nosniff");
      response.headers.set("Cache-Control", "public, max-age=300");
    }
    return response;
  };
}
