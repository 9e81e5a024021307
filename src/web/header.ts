// The header every console page shares (the playground, the golden page, /ops): the page's name, links to
// the three pages with the current one marked, the language switch, and whatever the page adds to it.
import { html } from "hono/html";
import type { Markup } from "./page.js";
import { CONSOLE_WORDS } from "./public/static/console-words.js";
import { serverWords } from "./words.js";

const { words } = serverWords(CONSOLE_WORDS);
type ConsoleKey = keyof typeof CONSOLE_WORDS.en;

const PAGES: readonly { path: string; key: ConsoleKey }[] = [
  { path: "/", key: "navigation.playground" },
  { path: "/golden", key: "navigation.golden" },
  { path: "/ops", key: "navigation.ops" },
];

/** The header of the page at `current`, titled `title` (the page's own words), with `extra` after the switch. */
export function consoleHeader(current: string, title: Markup, extra: Markup | "" = "") {
  return html`<header class="top">
<h1>${title}</h1>
<nav aria-labelledby="navigation-label"><span id="navigation-label" class="visually-hidden">${words("navigation.label")}</span><ul>
${PAGES.map(
  (page) =>
    html`<li><a href="${page.path}"${page.path === current ? html` aria-current="page"` : ""}>${words(page.key)}</a></li>`,
)}
</ul></nav>
<p class="language"><label for="page-language">${words("language")}</label>
<select id="page-language"><option value="en" lang="en">English</option><option value="es" lang="es">Español</option></select></p>
${extra}
</header>`;
}
