// A self-contained HTML report: uPlot (MIT, its licence kept beside it), the styles, the charts' data as
// one JSON block and the script that draws them are all inlined, so the file opens from disk with no
// network. Every value from a run goes in through hono/html's escaping template or jsonScript.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { ChartSpec } from "./chart.js";
import { jsonScript } from "./json-script.js";

const UPLOT = new URL("../../node_modules/uplot/", import.meta.url);

/** The files inlined in every report, read once. */
function readAssets() {
  const read = (url: URL) => readFileSync(fileURLToPath(url), "utf8");
  const assets = {
    // Its banner names the project's page; kept, as a name rather than a link the page could follow.
    uplotScript: read(new URL("dist/uPlot.iife.min.js", UPLOT)).replace(/^\/\*! https?:\/\//, "/*! "),
    uplotStyle: read(new URL("dist/uPlot.min.css", UPLOT)),
    uplotLicence: read(new URL("LICENSE", UPLOT)),
    renderScript: read(new URL("./render-charts.js", import.meta.url)),
  };
  // Inlined raw: a closing tag inside them would end their element early.
  for (const [name, text] of Object.entries(assets)) {
    if (/<\/(script|style)/i.test(text)) throw new Error(`report asset ${name} holds a closing tag`);
  }
  return assets;
}

let assets: ReturnType<typeof readAssets> | null = null;

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 1100px; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2.5rem; border-top: 1px solid #ccc; padding-top: 1rem; }
table { border-collapse: collapse; margin: 0.5rem 0; } td, th { border: 1px solid #ddd; padding: 2px 8px; text-align: left; }
th { background: #f4f4f4; } .pass { color: #1a7f37; } .fail { color: #c62828; font-weight: bold; }
figure.chart { margin: 1rem 0; } figcaption { font-weight: 600; } .note { color: #555; margin: 0.2rem 0; font-size: 0.9em; }
.plot { width: 100%; min-height: 60px; }
`;

export interface PageOptions {
  title: string;
  /** One line under the title: when and how the run was made. */
  subtitle: string;
  body: HtmlEscapedString | Promise<HtmlEscapedString>;
  charts: readonly ChartSpec[];
}

/** The whole page as a string. */
export function renderPage(options: PageOptions): string {
  assets ??= readAssets();
  const ids = new Set(options.charts.map((spec) => spec.id));
  if (ids.size !== options.charts.length) throw new Error("report: two charts share an id");
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<style>${raw(assets.uplotStyle)}</style>
<style>${raw(STYLE)}</style>
</head>
<body>
<h1>${options.title}</h1>
<p>${options.subtitle}</p>
${options.body}
<footer><p class="note">Charts drawn with uPlot 1.6.32, inlined below under its MIT licence.</p></footer>
${jsonScript("report-charts", options.charts)}
<script>
/*! uPlot, inlined. Its licence:
${raw(assets.uplotLicence.replaceAll("*/", "* /"))}*/
${raw(assets.uplotScript)}
</script>
<script>${raw(assets.renderScript)}</script>
</body>
</html>
`;
  // Every part is a string, so the template is too; a promise here would be a part that is not.
  if (page instanceof Promise) throw new Error("report: a part of the page is not a string");
  return String(page);
}
