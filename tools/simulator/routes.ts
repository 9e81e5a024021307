// Which dialect answers which path. Chat completions are one path for several providers, so each provider
// lives under its own prefix; the bare OpenAI and Anthropic paths are kept for clients left at defaults.
import { anthropicDialect } from "./dialects/anthropic.js";
import type { Dialect } from "./dialects/dialect.js";
import { mistralDialect } from "./dialects/mistral.js";
import { openAiDialect } from "./dialects/openai.js";
import { qwenDialect } from "./dialects/qwen.js";

const openai = openAiDialect("openai");
const anthropic = anthropicDialect();

export const ROUTES: ReadonlyMap<string, Dialect> = new Map([
  ["/openai/v1/chat/completions", openai],
  ["/v1/chat/completions", openai],
  ["/compatible-mode/v1/chat/completions", qwenDialect()],
  ["/compat/v1/chat/completions", openAiDialect("openai-compatible")],
  ["/mistral/v1/chat/completions", mistralDialect()],
  ["/anthropic/v1/messages", anthropic],
  ["/v1/messages", anthropic],
]);

/** Base URLs to give each provider's SDK, for a simulator at `origin`. */
export function baseUrls(origin: string): Record<Dialect["provider"], string> {
  return {
    openai: `${origin}/openai/v1`,
    qwen: `${origin}/compatible-mode/v1`,
    "openai-compatible": `${origin}/compat/v1`,
    // The Mistral and Anthropic SDKs append /v1/... themselves.
    mistral: `${origin}/mistral`,
    anthropic: `${origin}/anthropic`,
  };
}
