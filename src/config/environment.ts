// Readers of single environment values, each returning its default when the variable is unset or blank
// and stopping start-up with a ConfigError that names the variable (never its value's neighbours or any
// secret) when it is set wrong.

export type Environment = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

/** The trimmed value, or null when unset or blank. */
export function text(environment: Environment, name: string): string | null {
  const value = environment[name]?.trim();
  return value ? value : null;
}

export function positiveInteger(environment: Environment, name: string, fallback: number): number {
  const value = text(environment, name);
  if (value === null) return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) === 0) {
    throw new ConfigError(name, `must be a positive whole number of milliseconds, got "${value}"`);
  }
  return Number(value);
}

export function count(environment: Environment, name: string, fallback: number, minimum: number): number {
  const value = text(environment, name);
  if (value === null) return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < minimum) {
    throw new ConfigError(name, `must be a whole number ≥ ${minimum}, got "${value}"`);
  }
  return Number(value);
}

/** A share between 0 and 1, written as a decimal ("0.05") or a percentage ("5%"). */
export function share(environment: Environment, name: string, fallback: number): number {
  const value = text(environment, name);
  if (value === null) return fallback;
  const match = /^(\d{1,3}(?:\.\d{1,6})?)(%?)$/.exec(value);
  const number = match ? Number(match[1]) / (match[2] === "%" ? 100 : 1) : Number.NaN;
  if (!(number >= 0 && number <= 1)) {
    throw new ConfigError(name, `must be a share between 0 and 1 (or 0% to 100%), got "${value}"`);
  }
  return number;
}

export function dollars(environment: Environment, name: string): number | null {
  const value = text(environment, name);
  if (value === null) return null;
  if (!/^\d{1,9}(\.\d{1,6})?$/.test(value))
    throw new ConfigError(name, `must be an amount in US dollars, got "${value}"`);
  return Number(value);
}

export function boolean(environment: Environment, name: string, fallback: boolean): boolean {
  const value = text(environment, name)?.toLowerCase();
  if (value === undefined || value === null) return fallback;
  if (["true", "1", "yes", "on"].includes(value)) return true;
  if (["false", "0", "no", "off"].includes(value)) return false;
  throw new ConfigError(name, `must be true or false, got "${value}"`);
}

/** The parts of a comma-separated value, trimmed, blanks dropped; none when unset. */
export function commaParts(environment: Environment, name: string): string[] {
  const value = text(environment, name);
  if (value === null) return [];
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/**
 * A comma-separated list ("qwen=70,openai=30"): each part must match `pattern` and pass `accept`, else
 * the error says what was `expected`. The matches, in order; none when unset.
 */
export function list(
  environment: Environment,
  name: string,
  pattern: RegExp,
  expected: string,
  accept: (match: RegExpExecArray) => boolean = () => true,
): RegExpExecArray[] {
  const value = text(environment, name);
  if (value === null) return [];
  return value.split(",").map((part) => {
    const match = pattern.exec(part);
    if (!match || !accept(match)) throw new ConfigError(name, expected);
    return match;
  });
}
