// @ts-check
// Golden JSON Lines read into cases (shared/spec/golden-format.md): one case a non-blank line, every bad
// line reported as file:line, a repeated id (in this file or one read before) refused. How a line becomes a
// case is the caller's: the CLI checks it against the contract's schema (tools/golden/fixtures.ts), the
// golden page in the browser its shape (static/playground/golden-load.js).

/** @typedef {import("./tally.js").FixtureProblem} FixtureProblem */

/**
 * @template {{ id: string }} Case
 * @param {string} content the file's text
 * @param {string} file its name, as reports show it
 * @param {Map<string, string>} seen ids already read, with where (file:line); the new ones are added
 * @param {(line: string) => Case | string} parse the case a line holds, or why it holds none
 * @returns {{ cases: (Case & { file: string, line: number })[], problems: FixtureProblem[] }}
 */
export function readCaseLines(content, file, seen, parse) {
  /** @type {(Case & { file: string, line: number })[]} */
  const cases = [];
  /** @type {FixtureProblem[]} */
  const problems = [];
  content.split(/\r?\n/).forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === "") return;
    const parsed = parse(text);
    if (typeof parsed === "string") {
      problems.push({ file, line, message: parsed });
      return;
    }
    const first = seen.get(parsed.id);
    if (first !== undefined) {
      problems.push({ file, line, message: `duplicate id "${parsed.id}" (first at ${first})` });
      return;
    }
    seen.set(parsed.id, `${file}:${line}`);
    cases.push({ ...parsed, file, line });
  });
  return { cases, problems };
}
