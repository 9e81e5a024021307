// A small Prometheus registry that runs anywhere (Node and Workers): counters, gauges and histograms with
// labels, rendered in the text exposition format 0.0.4. Kept small on purpose; test/llm/metrics.test.ts checks
// its output with Prometheus's own `promtool check metrics`.

export type Labels = Record<string, string>;

type Kind = "counter" | "gauge" | "histogram";

interface Family {
  name: string;
  help: string;
  kind: Kind;
  labelNames: readonly string[];
  lines(): string[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Label values escape backslash, double quote and line feed; HELP text escapes backslash and line feed. */
function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

/** Go's strconv formatting as Prometheus reads it: +Inf, -Inf, NaN, or the shortest decimal. */
function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}

function labelText(names: readonly string[], values: readonly string[], extra = ""): string {
  const parts = names.map((name, index) => `${name}="${escapeLabel(values[index] ?? "")}"`);
  if (extra !== "") parts.push(extra);
  return parts.length === 0 ? "" : `{${parts.join(",")}}`;
}

/**
 * Series of one family, found by their label values in the family's label order: one Map level per label,
 * so a lookup hashes the (usually constant) label values and builds no key. This runs several times on
 * every request.
 */
class Series<T> {
  readonly #root = new Map<string, unknown>();
  readonly #entries: { values: string[]; state: T }[] = [];

  constructor(
    private readonly labelNames: readonly string[],
    private readonly create: () => T,
  ) {}

  get(labels: Labels): T {
    const names = this.labelNames;
    let level = this.#root;
    for (let index = 0; index < names.length - 1; index++) {
      const value = labels[names[index]!] ?? "";
      let next = level.get(value) as Map<string, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
    }
    const last = names.length === 0 ? "" : (labels[names[names.length - 1]!] ?? "");
    let entry = level.get(last) as { values: string[]; state: T } | undefined;
    if (entry === undefined) {
      entry = { values: names.map((name) => labels[name] ?? ""), state: this.create() };
      level.set(last, entry);
      this.#entries.push(entry);
    }
    return entry.state;
  }

  /** Every series, in the order they first appeared. */
  entries(): readonly { values: string[]; state: T }[] {
    return this.#entries;
  }

  clear(): void {
    this.#root.clear();
    this.#entries.length = 0;
  }
}

/** A family whose series each hold one number: counters and gauges. */
abstract class ValueFamily implements Family {
  abstract readonly kind: Kind;
  protected readonly series: Series<{ value: number }>;

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[] = [],
  ) {
    this.series = new Series(labelNames, () => ({ value: 0 }));
  }

  /** The current value of one series (0 if it never moved). */
  value(labels: Labels = {}): number {
    return this.series.get(labels).value;
  }

  lines(): string[] {
    return this.series
      .entries()
      .map(
        ({ values, state }) =>
          `${this.name}${labelText(this.labelNames, values)} ${formatValue(state.value)}`,
      );
  }
}

export class Counter extends ValueFamily {
  readonly kind = "counter";

  inc(labels: Labels = {}, by = 1): void {
    if (!(by >= 0)) throw new Error(`${this.name}: a counter only goes up`);
    this.series.get(labels).value += by;
  }
}

export class Gauge extends ValueFamily {
  readonly kind = "gauge";

  set(labels: Labels, value: number): void {
    this.series.get(labels).value = value;
  }

  /** Forgets every series: for gauges rebuilt from state at each scrape. */
  reset(): void {
    this.series.clear();
  }
}

export class Histogram implements Family {
  readonly kind = "histogram";
  readonly #series: Series<{ counts: number[]; sum: number; count: number }>;

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
    readonly buckets: readonly number[],
  ) {
    if (labelNames.includes("le")) throw new Error(`${name}: "le" is reserved for buckets`);
    const sorted = [...buckets].sort((a, b) => a - b);
    if (sorted.some((value, index) => value !== buckets[index] || value === sorted[index - 1])) {
      throw new Error(`${name}: buckets must be strictly increasing`);
    }
    this.#series = new Series(labelNames, () => ({ counts: buckets.map(() => 0), sum: 0, count: 0 }));
  }

  observe(labels: Labels, value: number): void {
    if (Number.isNaN(value)) return;
    const state = this.#series.get(labels);
    state.sum += value;
    state.count += 1;
    for (let index = 0; index < this.buckets.length; index++) {
      if (value <= this.buckets[index]!) state.counts[index]! += 1;
    }
  }

  lines(): string[] {
    const lines: string[] = [];
    for (const { values, state } of this.#series.entries()) {
      this.buckets.forEach((bound, index) => {
        const le = `le="${formatValue(bound)}"`;
        lines.push(`${this.name}_bucket${labelText(this.labelNames, values, le)} ${state.counts[index]}`);
      });
      lines.push(`${this.name}_bucket${labelText(this.labelNames, values, 'le="+Inf"')} ${state.count}`);
      lines.push(`${this.name}_sum${labelText(this.labelNames, values)} ${formatValue(state.sum)}`);
      lines.push(`${this.name}_count${labelText(this.labelNames, values)} ${state.count}`);
    }
    return lines;
  }
}

export class Registry {
  readonly #families = new Map<string, Family>();
  readonly #collectors: (() => void)[] = [];

  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.#add(new Counter(name, help, labelNames));
  }

  gauge(name: string, help: string, labelNames: readonly string[] = []): Gauge {
    return this.#add(new Gauge(name, help, labelNames));
  }

  histogram(
    name: string,
    help: string,
    labelNames: readonly string[],
    buckets: readonly number[],
  ): Histogram {
    return this.#add(new Histogram(name, help, labelNames, buckets));
  }

  /** Runs before every render: gauges read from live state (the router's) are set here. */
  onCollect(collect: () => void): void {
    this.#collectors.push(collect);
  }

  get names(): string[] {
    return [...this.#families.keys()];
  }

  render(): string {
    for (const collect of this.#collectors) collect();
    const blocks: string[] = [];
    for (const family of this.#families.values()) {
      blocks.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.kind}`);
      blocks.push(...family.lines());
    }
    return `${blocks.join("\n")}\n`;
  }

  #add<T extends Family>(family: T): T {
    if (!NAME.test(family.name)) throw new Error(`invalid metric name: ${family.name}`);
    for (const label of family.labelNames) {
      if (!LABEL.test(label) || label.startsWith("__"))
        throw new Error(`${family.name}: invalid label ${label}`);
    }
    if (this.#families.has(family.name)) throw new Error(`metric registered twice: ${family.name}`);
    this.#families.set(family.name, family);
    return family;
  }
}

export const CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
