// Reads Prometheus text exposition (what GET /metrics serves) back into families, so a test can ask whether
// a query's metric exists and which labels its samples carry.

export interface Family {
  kind: string;
  labels: Set<string>;
}

/** Families from `# TYPE name kind` lines, and the label names their samples carry. */
export function exposition(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  for (const line of text.split("\n")) {
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (\w+)$/.exec(line);
    if (type !== null) families.set(type[1]!, { kind: type[2]!, labels: new Set() });
  }
  for (const line of text.split("\n")) {
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{([^}]*)\}/.exec(line);
    if (sample === null) continue;
    const family = familyOf(sample[1]!, families);
    if (family === undefined) continue;
    for (const label of sample[2]!.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="/g)) family.labels.add(label[1]!);
  }
  return families;
}

/** The family a series name belongs to: itself, or a histogram's _bucket, _sum and _count. */
export function familyOf<T extends { kind: string }>(name: string, families: Map<string, T>): T | undefined {
  const exact = families.get(name);
  if (exact !== undefined) return exact;
  const suffix = /^(.+)_(bucket|sum|count)$/.exec(name);
  if (suffix === null) return undefined;
  const base = families.get(suffix[1]!);
  if (base === undefined) return undefined;
  if (base.kind === "histogram" || (base.kind === "summary" && suffix[2] !== "bucket")) return base;
  return undefined;
}

/** Every sample's value, by its series as written (name and labels). */
export function sampleValues(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const space = line.lastIndexOf(" ");
    values.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return values;
}

/** One series' value, by its name and labels as written; undefined if the exposition lacks it. */
export function sampleValue(text: string, series: string): number | undefined {
  return sampleValues(text).get(series);
}
