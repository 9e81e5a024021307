// Every provider's defaults by name, for the configuration to read each provider's settings with; the
// factories are in ./index.ts, apart, so that reading the configuration loads no SDK. Adding a provider:
// its name in PROVIDER_NAMES (./types.ts), its folder with defaults.ts and index.ts, a line here and one
// in ./index.ts (the compiler asks for both).
import { ANTHROPIC_DEFAULTS } from "./anthropic/defaults.js";
import { MISTRAL_DEFAULTS } from "./mistral/defaults.js";
import { OPENAI_DEFAULTS } from "./openai/defaults.js";
import { OPENAI_COMPATIBLE_DEFAULTS } from "./openai-compatible/defaults.js";
import { QWEN_DEFAULTS } from "./qwen/defaults.js";
import type { ProviderDefaults, ProviderName } from "./types.js";

export const PROVIDER_DEFAULTS: Readonly<Record<ProviderName, ProviderDefaults>> = {
  qwen: QWEN_DEFAULTS,
  openai: OPENAI_DEFAULTS,
  anthropic: ANTHROPIC_DEFAULTS,
  mistral: MISTRAL_DEFAULTS,
  "openai-compatible": OPENAI_COMPATIBLE_DEFAULTS,
};
