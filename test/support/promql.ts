// Just enough PromQL reading for the operations tests: the series selectors of an expression (metric name
// and label matchers), so a test can ask which metrics a query names and whether each one selects Cita's
// job. Not a parser: promtool checks the syntax; this only has to find selectors in valid expressions.

export interface Selector {
  metric: string;
  /** The matchers between the braces, as written (`job="cita",status!="aborted"`); "" without braces. */
  matchers: string;
}

const KEYWORDS = new Set([
  "by",
  "without",
  "on",
  "ignoring",
  "group_left",
  "group_right",
  "bool",
  "and",
  "or",
  "unless",
  "offset",
  "inf",
  "nan",
]);

/**
 * One token at a time: a string, a `{…}` matcher list, a `[…]` range, a label list after by, without, on,
 * ignoring, group_left or group_right, a number or duration (1e3, 5m), an identifier, or any other
 * character.
 */
const TOKEN =
  /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`|\{[^}]*\}|\[[^\]]*\]|\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)|[0-9][0-9a-zA-Z_.]*|[a-zA-Z_:][a-zA-Z0-9_:]*|\S/g;
const IDENTIFIER = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_LIST = /^(?:by|without|on|ignoring|group_left|group_right)\s*\(/;

/** The selectors of an expression, in order; functions and aggregations (a name before "(") are not. */
export function selectors(expr: string): Selector[] {
  const tokens = [...expr.matchAll(TOKEN)].map((match) => match[0]);
  const found: Selector[] = [];
  tokens.forEach((token, index) => {
    if (!IDENTIFIER.test(token) || KEYWORDS.has(token.toLowerCase())) return;
    // `sum by (le) (…)`: the label list comes between an aggregation and its parenthesis.
    const following = tokens.slice(index + 1).find((next) => !LABEL_LIST.test(next));
    if (following === "(") return;
    const next = tokens[index + 1];
    const matchers = next?.startsWith("{") ? next.slice(1, -1).trim() : "";
    found.push({ metric: token, matchers });
  });
  return found;
}

/** The metric names an expression selects, each once. */
export function metricNames(expr: string): string[] {
  return [...new Set(selectors(expr).map((selector) => selector.metric))];
}

/** Label names an expression matches on, by metric name: `metric{label="..."}`. */
export function matcherLabels(expr: string): { metric: string; label: string }[] {
  return selectors(expr).flatMap(({ metric, matchers }) =>
    [...matchers.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)/g)].map((match) => ({
      metric,
      label: match[1]!,
    })),
  );
}

/** The selectors of an expression that lack an exact matcher, such as `job="cita"`. */
export function selectorsWithout(expr: string, matcher: string): Selector[] {
  return selectors(expr).filter(({ matchers }) => !splitMatchers(matchers).includes(matcher));
}

/** `a="x",b=~"y|z"` into its matchers, without spaces around the operators; commas in values survive. */
function splitMatchers(matchers: string): string[] {
  return [...matchers.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*")/g)].map(
    (match) => `${match[1]}${match[2]}${match[3]}`,
  );
}
