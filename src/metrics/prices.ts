// The price table: US dollars per million input and output tokens, per model. The defaults are the
// providers' list prices for the default models as published when this table was written; prices change,
// so a deployment sets its own with LLM_PRICES ("qwen-plus=0.4/1.2,gpt-4.1-mini=0.4/1.6"), which extends
// and overrides these. A model without a price costs nothing in the metrics (and says so in /health).

export interface ModelPrice {
  /** USD per million input tokens. */
  input: number;
  /** USD per million output tokens. */
  output: number;
}

export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = {
  "qwen-plus": { input: 0.4, output: 1.2 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "claude-haiku-4-5": { input: 1, output: 5 },
  "mistral-small-latest": { input: 0.1, output: 0.3 },
};

export function priceOf(prices: Readonly<Record<string, ModelPrice>>, model: string): ModelPrice | null {
  return prices[model] ?? null;
}
