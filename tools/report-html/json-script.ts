// JSON for a <script type="application/json"> block: a value from a run (a scenario's name, an error
// message) may hold "</script>" or "<!--", which would end or bend the block; escaped as \u003c and friends,
// the text is still the same JSON to JSON.parse and holds no markup at all.
import { html, raw } from "hono/html";

/** Characters that could end a script block or a line of script, as JSON escapes. */
const UNSAFE: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/** JSON.stringify, with every character that means something to HTML escaped as a JSON escape. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => UNSAFE[character]!);
}

/**
 * A JSON data block with an id, read back in the page with JSON.parse(element.textContent). Inserted raw:
 * HTML entities are not decoded inside a script, and jsonForScript leaves no markup to escape.
 */
export function jsonScript(id: string, value: unknown) {
  return html`<script type="application/json" id="${id}">${raw(jsonForScript(value))}</script>`;
}
