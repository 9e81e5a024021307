// OpenAI's defaults: its public API and gpt-4.1-mini, a current small model. Its variables start with
// OPENAI_.
import type { ProviderDefaults } from "../types.js";

export const OPENAI_DEFAULTS: ProviderDefaults = {
  environmentPrefix: "OPENAI",
  baseUrl: "https://api.openai.com/v1",
  model: "gpt-4.1-mini",
  price: { input: 0.4, output: 1.6 },
  enabledBy: "apiKey",
};
