// A small Prometheus registry that runs anywhere (Node and Workers): counters, gauges and histograms with
// labels, rendered in the text exposition format 0.0.4. Kept small on purpose; test/llm/metrics.test.ts checks
// its output with Prometheus's own `promtool check metrics`. Counters and histograms can also hand over what
// they gained since last asked and add what another registry gained (src/metrics/deltas.ts): that is how
// Workers isolates sum their counts in one Durable Object (src/metrics/durable-object.ts).
import type { SeriesDelta } from "./deltas.js";
import { type Labels, Series } from "./series.js";
import { escapeHelp, formatValue, labelText } from "./text-format.js";

export type { Labels } from "./series.js";

export type Kind = "counter" | "gauge" | "histogram";

interface Family {
  name: string;
  help: string;
  kind: Kind;
  labelNames: readonly string[];
  lines(): string[];
}

/** A family whose series only add up (counters, histograms): they can be summed across registries. */
interface SummedFamily extends Family {
  /** What each series gained since the last call (series that did not move are left out). */
  takeDeltas(): SeriesDelta[];
  /** Adds another registry's delta; false if it does not fit this family (its kind or label count). */
  merge(delta: SeriesDelta): boolean;
  /** A series' whole count, in a delta's shape (a delta from nothing); undefined if it does not exist. */
  total(values: readonly string[]): SeriesDelta | undefined;
  has(values: readonly string[]): boolean;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A family whose series each hold one number: counters and gauges. */
abstract class ValueFamily implements Family {
  abstract readonly kind: Kind;
  /** `flushed`: the value when a counter's delta was last taken. */
  protected readonly series: Series<{ value: number; flushed: number }>;

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[] = [],
  ) {
    this.series = new Series(labelNames, () => ({ value: 0, flushed: 0 }));
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

export class Counter extends ValueFamily implements SummedFamily {
  readonly kind = "counter";

  inc(labels: Labels = {}, by = 1): void {
    if (!(by >= 0)) throw new Error(`${this.name}: a counter only goes up`);
    this.series.get(labels).value += by;
  }

  takeDeltas(): SeriesDelta[] {
    const deltas: SeriesDelta[] = [];
    for (const { values, state } of this.series.entries()) {
      if (state.value === state.flushed) continue;
      // Never negative: value only grew since flushed, and a - b >= 0 holds in floating point when a >= b.
      deltas.push({ name: this.name, labels: [...values], value: state.value - state.flushed });
      state.flushed = state.value;
    }
    return deltas;
  }

  merge(delta: SeriesDelta): boolean {
    if (!("value" in delta) || delta.labels.length !== this.labelNames.length) return false;
    this.inc(this.series.labelsOf(delta.labels), delta.value);
    return true;
  }

  total(values: readonly string[]): SeriesDelta | undefined {
    if (!this.series.has(values)) return undefined;
    return {
      name: this.name,
      labels: [...values],
      value: this.series.get(this.series.labelsOf(values)).value,
    };
  }

  has(values: readonly string[]): boolean {
    return this.series.has(values);
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

interface Observations {
  counts: number[];
  sum: number;
  count: number;
}

export class Histogram implements SummedFamily {
  readonly kind = "histogram";
  /** `flushed`: the observations when the series' delta was last taken. */
  readonly #series: Series<Observations & { flushed: Observations }>;

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
    const none = (): Observations => ({ counts: buckets.map(() => 0), sum: 0, count: 0 });
    this.#series = new Series(labelNames, () => ({ ...none(), flushed: none() }));
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

  takeDeltas(): SeriesDelta[] {
    const deltas: SeriesDelta[] = [];
    for (const { values, state } of this.#series.entries()) {
      const { flushed } = state;
      if (state.count === flushed.count) continue;
      deltas.push({
        name: this.name,
        labels: [...values],
        counts: state.counts.map((count, index) => count - flushed.counts[index]!),
        sum: state.sum - flushed.sum,
        count: state.count - flushed.count,
      });
      state.flushed = { counts: [...state.counts], sum: state.sum, count: state.count };
    }
    return deltas;
  }

  /** Bucket by bucket: both sides count cumulatively over the same bounds. */
  merge(delta: SeriesDelta): boolean {
    if (!("counts" in delta) || delta.labels.length !== this.labelNames.length) return false;
    if (delta.counts.length !== this.buckets.length) return false;
    const state = this.#series.get(this.#series.labelsOf(delta.labels));
    delta.counts.forEach((count, index) => {
      state.counts[index]! += count;
    });
    state.sum += delta.sum;
    state.count += delta.count;
    return true;
  }

  total(values: readonly string[]): SeriesDelta | undefined {
    if (!this.#series.has(values)) return undefined;
    const { counts, sum, count } = this.#series.get(this.#series.labelsOf(values));
    return { name: this.name, labels: [...values], counts: [...counts], sum, count };
  }

  has(values: readonly string[]): boolean {
    return this.#series.has(values);
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

  /** Every counter and histogram series' gain since the last call, for a registry elsewhere to merge. */
  takeDeltas(): SeriesDelta[] {
    return [...this.#families.values()].flatMap((family) => (isSummed(family) ? family.takeDeltas() : []));
  }

  /** Adds a delta taken from another registry with the same families; false if none of them takes it. */
  merge(delta: SeriesDelta): boolean {
    const family = this.#families.get(delta.name);
    return family !== undefined && isSummed(family) && family.merge(delta);
  }

  /** Whether the delta's series exists here already. */
  has(delta: SeriesDelta): boolean {
    const family = this.#families.get(delta.name);
    return family !== undefined && isSummed(family) && family.has(delta.labels);
  }

  /** The whole count of the delta's series, in a delta's shape. */
  total(delta: SeriesDelta): SeriesDelta | undefined {
    const family = this.#families.get(delta.name);
    return family !== undefined && isSummed(family) ? family.total(delta.labels) : undefined;
  }

  /** The exposition: every family, or only those `include` takes. */
  render(include: (family: { name: string; kind: Kind }) => boolean = () => true): string {
    for (const collect of this.#collectors) collect();
    const blocks: string[] = [];
    for (const family of this.#families.values()) {
      if (!include(family)) continue;
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

function isSummed(family: Family): family is SummedFamily {
  return family.kind !== "gauge";
}

export const CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
