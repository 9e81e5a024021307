// How the registry (src/metrics/registry.ts) writes names, label values and numbers in Prometheus' text
// exposition format 0.0.4.

/** Label values escape backslash, double quote and line feed; HELP text escapes backslash and line feed. */
function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

export function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

/** Go's strconv formatting as Prometheus reads it: +Inf, -Inf, NaN, or the shortest decimal. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}

export function labelText(names: readonly string[], values: readonly string[], extra = ""): string {
  const parts = names.map((name, index) => `${name}="${escapeLabel(values[index] ?? "")}"`);
  if (extra !== "") parts.push(extra);
  return parts.length === 0 ? "" : `{${parts.join(",")}}`;
}
