// Plain-text report pieces the golden and Duckling runners share: a share as a percentage and a table with
// a left-aligned first column and right-aligned figures.

// The percentage is the golden page's too (src/web/public/static/golden/tally.js), so both print alike.
export { percent } from "../src/web/public/static/golden/tally.js";

/** Left-aligned first column, right-aligned figures, indented by two spaces. */
export function table(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join("  ")
        .trimEnd(),
    )
    .map((line) => `  ${line}`)
    .join("\n");
}
