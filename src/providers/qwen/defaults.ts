// Qwen's defaults: Alibaba Cloud Model Studio's international endpoint in OpenAI-compatible mode, and
// qwen-plus, a current small model. Its variables start with QWEN_.
import type { ProviderDefaults } from "../types.js";

export const QWEN_DEFAULTS: ProviderDefaults = {
  environmentPrefix: "QWEN",
  baseUrl: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
  model: "qwen-plus",
  price: { input: 0.4, output: 1.2 },
  enabledBy: "apiKey",
};
