// The console's pages (src/web/playground, src/web/ops): one HTML shell and the headers every page is sent
// with. Pages are server-rendered through hono/html, which escapes every interpolated value; their scripts
// and styles are files under /static (src/web/public), never inline, so the Content-Security-Policy can
// forbid every script but the service's own.
import type { MiddlewareHandler } from "hono";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/**
 * Scripts and styles only from this origin, no inline script or style attribute, no plugin, no framing, no
 * form posting elsewhere; fetch and XHR only to this origin (the pages call the service's own API).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Sets the page headers on every response of the routes it guards. */
export function pageHeaders(): MiddlewareHandler {
  return async (context, next) => {
    await next();
    context.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    context.header("X-Content-Type-Options", "nosniff");
    context.header("Referrer-Policy", "no-referrer");
    context.header("X-Frame-Options", "DENY");
    context.header("Cache-Control", "no-store");
  };
}

/** Markup rendered through hono/html: a page's body, a header's title. */
export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageOptions {
  title: string;
  /** Paths under /static, loaded in order as ES modules. */
  scripts: readonly string[];
  styles: readonly string[];
  body: Markup;
}

/**
 * The HTML shell: the page's own body between the shared head and nothing else. It is English as the server
 * renders it (src/web/words.ts); the page's script puts in the reader's language.
 */
export function renderPage(options: PageOptions) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
${options.styles.map((path) => html`<link rel="stylesheet" href="${path}">\n`)}
${options.scripts.map((path) => html`<script type="module" src="${path}"></script>\n`)}
</head>
<body>
${options.body}
</body>
</html>`;
}
