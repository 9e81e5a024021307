// The series of one metric family, kept by their label values: the registry's storage (src/metrics/registry.ts).

export type Labels = Record<string, string>;

/**
 * Series of one family, found by their label values in the family's label order: one Map level per label,
 * so a lookup hashes the (usually constant) label values and builds no key. This runs several times on
 * every request.
 */
export class Series<T> {
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

  /** Whether the series with these label values (in label order) exists, without creating it. */
  has(values: readonly string[]): boolean {
    let level: unknown = this.#root;
    for (const value of this.labelNames.length === 0 ? [""] : values) {
      if (!(level instanceof Map)) return false;
      level = level.get(value);
    }
    return level !== undefined;
  }

  /** The labels object of label values given in label order. */
  labelsOf(values: readonly string[]): Labels {
    return Object.fromEntries(this.labelNames.map((name, index) => [name, values[index] ?? ""]));
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
