// @ts-check
// The little Markdown the incident announcements are written in (src/incidents/announcement.ts), turned into
// elements through ../dom.js: a heading (`### `), list items (`- `, nested by two spaces), paragraphs, and
// `**bold**` inside any of them, with a backslash escaping the next punctuation mark. Everything else is
// text: a link, an HTML tag or an entity stays as its characters, since nothing here parses HTML.
import { append, element } from "../dom.js";

const HEADING = /^#{1,6}\s+(.*)$/;
const ITEM = /^( *)[-*]\s+(.*)$/;
/** What a backslash escapes in CommonMark: ASCII punctuation. */
const ESCAPABLE = /[!-/:-@[-`{-~]/;

/**
 * The announcement's blocks, under a heading level of `headingLevel` (the card's own headings come first).
 * @param {string} markdown
 * @param {number} [headingLevel]
 * @returns {HTMLElement[]}
 */
export function markdownBlocks(markdown, headingLevel = 4) {
  /** @type {HTMLElement[]} */
  const blocks = [];
  /** The lists open at each depth, the deepest last; each item may hold the next depth's list. */
  /** @type {{ list: HTMLElement, item: HTMLElement | null }[]} */
  let lists = [];
  for (const line of markdown.split(/\r?\n/)) {
    const item = ITEM.exec(line);
    if (item === null) lists = [];
    if (line.trim() === "") continue;
    const heading = HEADING.exec(line);
    if (heading !== null) {
      blocks.push(element(`h${Math.min(headingLevel, 6)}`, {}, ...inline(heading[1] ?? "")));
      continue;
    }
    if (item === null) {
      blocks.push(element("p", {}, ...inline(line.trim())));
      continue;
    }
    const depth = Math.min(Math.floor((item[1] ?? "").length / 2), lists.length);
    lists = lists.slice(0, depth + 1);
    if (lists[depth] === undefined) {
      const list = element("ul");
      const parent = lists[depth - 1]?.item;
      if (parent) append(parent, list);
      else blocks.push(list);
      lists[depth] = { list, item: null };
    }
    const entry = /** @type {{ list: HTMLElement, item: HTMLElement | null }} */ (lists[depth]);
    entry.item = element("li", {}, ...inline(item[2] ?? ""));
    append(entry.list, entry.item);
  }
  return blocks;
}

/**
 * A line's text with its `**bold**` spans as <strong>, escapes undone.
 * @param {string} text
 * @returns {(string | HTMLElement)[]}
 */
function inline(text) {
  /** @type {{ bold: boolean, text: string }[]} */
  const runs = [{ bold: false, text: "" }];
  for (let index = 0; index < text.length; index++) {
    const character = text[index] ?? "";
    const next = text[index + 1] ?? "";
    const current = /** @type {{ bold: boolean, text: string }} */ (runs.at(-1));
    if (character === "\\" && ESCAPABLE.test(next)) {
      current.text += next;
      index++;
    } else if (character === "*" && next === "*") {
      runs.push({ bold: !current.bold, text: "" });
      index++;
    } else current.text += character;
  }
  // A `**` never closed was meant as text: the last bold run goes back to plain, with its marker.
  const last = /** @type {{ bold: boolean, text: string }} */ (runs.at(-1));
  if (last.bold) {
    runs.pop();
    const before = /** @type {{ bold: boolean, text: string }} */ (runs.at(-1));
    before.text += `**${last.text}`;
  }
  return runs
    .filter((run) => run.text !== "")
    .map((run) => (run.bold ? element("strong", {}, run.text) : run.text));
}
