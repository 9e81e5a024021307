// @ts-check
// The console's one way to put anything on a page: elements built with createElement and text set with
// textContent, never HTML parsed from a string, so nothing a user typed (nor an answer that echoes it) can
// become markup or script. test/browser/static-files.test.ts refuses innerHTML and its kin in these files.

/**
 * The page's element with this id; a page without it is a mistake in its HTML, said at once.
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(id) {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found;
}

/**
 * An element with attributes and children; a string child becomes a text node. Attributes whose name starts
 * with "on" are refused: handlers are added with addEventListener, so none can come from data.
 * @param {string} tag
 * @param {Record<string, string | boolean | undefined>} [attributes]
 * @param {...(Node | string | null | undefined)} children
 * @returns {HTMLElement}
 */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (/^on/i.test(name)) throw new Error(`element(): event attribute ${name} refused`);
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : value);
  }
  append(node, ...children);
  return node;
}

/**
 * @param {Node} parent
 * @param {...(Node | string | null | undefined)} children
 */
export function append(parent, ...children) {
  for (const child of children) {
    if (child === null || child === undefined) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/**
 * Empties an element and puts the children in.
 * @param {Element} parent
 * @param {...(Node | string | null | undefined)} children
 */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  append(parent, ...children);
}

/**
 * A table's head: one row of column headings, each a th with scope="col" so screen readers tie cells to it.
 * @param {readonly string[]} headings
 * @returns {HTMLElement}
 */
export function columnHeadings(headings) {
  return element(
    "thead",
    {},
    element("tr", {}, ...headings.map((heading) => element("th", { scope: "col" }, heading))),
  );
}

/**
 * The page's language: Spanish when the browser prefers it before English, else English.
 * @param {readonly string[]} [languages]
 * @returns {"es" | "en"}
 */
export function pageLanguage(languages = navigator.languages) {
  for (const language of languages) {
    const primary = language.toLowerCase().split("-")[0];
    if (primary === "es" || primary === "en") return primary;
  }
  return "en";
}
