// The injection check: does a user's text try to instruct the model (an instruction override in English or
// Spanish, a fake role tag, smuggled JSON), openly or hidden in zero-width or Unicode tag characters or in
// base64? The router's health uses it (a model that cannot answer such a text says little about the model),
// and the simulator's `obeyInjection` fault answers as if a model followed it. Web standards only: it runs
// on Workers too.

export const OVERRIDE =
  /\b(?:ignore|disregard|forget) (?:all |any )?(?:the |your )?(?:previous|prior|above|earlier|preceding) (?:instructions|rules|prompts?)\b|\b(?:ignora|olvida|omite)(?:r)? (?:todas )?(?:las |tus )?(?:instrucciones|reglas|indicaciones)(?: anteriores| previas)?\b|\byou are now\b|\bahora eres\b/i;
export const ROLE_TAG =
  /<\/?(?:system|assistant|user|instructions?)>|<\|im_(?:start|end)\|>|\[\/?(?:INST|SYSTEM)\]|^\s*(?:system|assistant|sistema)\s*:/im;
export const SMUGGLED_JSON =
  /\{[^{}]*"(?:confidence|status|isAppointmentRequest|intent|contact|service|location|role)"\s*:[^{}]*\}/;
const TAG_CHARACTERS = /[\u{E0020}-\u{E007E}]/gu;
const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff]/g;
const BASE64 = /[A-Za-z0-9+/]{16,}={0,2}/g;
const PRINTABLE = /^[\x20-\x7e\u00a0-\u024f\s]+$/;
const DECODER = new TextDecoder();

/** A base64 chunk decoded as UTF-8; a trailing character that completes no byte is dropped, as Node does. */
function decodeBase64(chunk: string): string {
  const body = chunk.replace(/=+$/, "");
  const usable = body.length % 4 === 1 ? body.slice(0, -1) : body;
  try {
    const binary = atob(usable);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    return DECODER.decode(bytes);
  } catch {
    return "";
  }
}

/** The text with hidden layers revealed: tag characters decoded, zero-width dropped, base64 decoded. */
export function revealed(text: string): string {
  const tags = [...text.matchAll(TAG_CHARACTERS)]
    .map((match) => String.fromCodePoint(match[0].codePointAt(0)! - 0xe0000))
    .join("");
  const decoded = (text.match(BASE64) ?? []).map(decodeBase64).filter((plain) => PRINTABLE.test(plain));
  return [text.replace(ZERO_WIDTH, ""), tags, ...decoded].join("\n");
}

export function hasInjection(text: string): boolean {
  const visible = revealed(text);
  return OVERRIDE.test(visible) || ROLE_TAG.test(visible) || SMUGGLED_JSON.test(visible);
}
