// The price table: US dollars per million input and output tokens, per model. The defaults are the
// providers' list prices for their default models (each provider's defaults.ts) as published when they were
// written; prices change, so a deployment sets its own with LLM_PRICES ("qwen-plus=0.4/1.2,gpt-4.1-mini=
// 0.4/1.6"), which extends and overrides these. A model without a price costs nothing in the metrics (and
// says so in /health).
import { PROVIDER_DEFAULTS } from "../providers/registry.js";
import type { ModelPrice } from "../providers/types.js";

export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = Object.fromEntries(
  Object.values(PROVIDER_DEFAULTS).flatMap(({ model, price }) =>
    model === null || price === null ? [] : [[model, price]],
  ),
);
