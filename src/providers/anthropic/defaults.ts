// Anthropic's defaults: its public API and claude-haiku-4-5, a current small model. Its variables start
// with ANTHROPIC_.
import type { ProviderDefaults } from "../types.js";

export const ANTHROPIC_DEFAULTS: ProviderDefaults = {
  environmentPrefix: "ANTHROPIC",
  baseUrl: "https://api.anthropic.com",
  model: "claude-haiku-4-5",
  price: { input: 1, output: 5 },
  enabledBy: "apiKey",
};
