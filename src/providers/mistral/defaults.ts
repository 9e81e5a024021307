// Mistral's defaults: its public API and mistral-small-latest, a current small model. Its variables start
// with MISTRAL_.
import type { ProviderDefaults } from "../types.js";

export const MISTRAL_DEFAULTS: ProviderDefaults = {
  environmentPrefix: "MISTRAL",
  baseUrl: "https://api.mistral.ai",
  model: "mistral-small-latest",
  price: { input: 0.1, output: 0.3 },
  enabledBy: "apiKey",
};
