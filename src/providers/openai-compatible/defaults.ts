// A self-hosted OpenAI-compatible server (Ollama, vLLM, llama.cpp) has no default: it is enabled by
// OPENAI_COMPATIBLE_BASE_URL, names its model in OPENAI_COMPATIBLE_MODEL and needs no key.
import type { ProviderDefaults } from "../types.js";

export const OPENAI_COMPATIBLE_DEFAULTS: ProviderDefaults = {
  environmentPrefix: "OPENAI_COMPATIBLE",
  baseUrl: null,
  model: null,
  price: null,
  enabledBy: "baseUrl",
};
