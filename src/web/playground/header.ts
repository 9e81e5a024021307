// The header the playground and the golden page share: the page's name, links to the console's pages and
// the language switch.
import { html } from "hono/html";
import type { WordKey } from "../public/static/playground/words.js";
import { words } from "./words.js";

const PAGES: readonly { path: string; key: WordKey }[] = [
  { path: "/", key: "navigation.playground" },
  { path: "/golden", key: "navigation.golden" },
  { path: "/ops", key: "navigation.ops" },
];

export function consoleHeader(current: string, title: WordKey) {
  return html`<header class="top">
<h1>${words(title)}</h1>
<nav aria-labelledby="navigation-label"><span id="navigation-label" class="visually-hidden">${words("navigation.label")}</span><ul>
${PAGES.map(
  (page) =>
    html`<li><a href="${page.path}"${page.path === current ? html` aria-current="page"` : ""}>${words(page.key)}</a></li>`,
)}
</ul></nav>
<p class="language"><label for="page-language">${words("language")}</label>
<select id="page-language"><option value="en" lang="en">English</option><option value="es" lang="es">Español</option></select></p>
</header>`;
}
