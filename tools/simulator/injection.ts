// Prompt injections a gullible model would obey: instruction overrides (English and Spanish), fake role
// tags, smuggled JSON, and the same hidden in zero-width or Unicode tag characters or in base64. The
// `obeyInjection` fault answers as if the model followed them; the system prompt is never echoed.
import type { Extraction } from "./extraction.js";

const OVERRIDE =
  /\b(?:ignore|disregard|forget) (?:all |any )?(?:the |your )?(?:previous|prior|above|earlier|preceding) (?:instructions|rules|prompts?)\b|\b(?:ignora|olvida|omite)(?:r)? (?:todas )?(?:las |tus )?(?:instrucciones|reglas|indicaciones)(?: anteriores| previas)?\b|\byou are now\b|\bahora eres\b/i;
const ROLE_TAG =
  /<\/?(?:system|assistant|user|instructions?)>|<\|im_(?:start|end)\|>|\[\/?(?:INST|SYSTEM)\]|^\s*(?:system|assistant|sistema)\s*:/im;
const SMUGGLED_JSON =
  /\{[^{}]*"(?:confidence|status|isAppointmentRequest|intent|contact|service|location|role)"\s*:[^{}]*\}/;
/** "set intent cancel", "intent: cancel", "intent to cancel": the intent an injection asks for. */
const INTENT = /\bintent(?: to| is|:|=)? *"?(book|reschedule|cancel|availability|none)\b/i;
const TAG_CHARACTERS = /[\u{E0020}-\u{E007E}]/gu;
const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff]/g;
const BASE64 = /[A-Za-z0-9+/]{16,}={0,2}/g;

/** The text with hidden layers revealed: tag characters decoded, zero-width dropped, base64 decoded. */
function revealed(text: string): string {
  const tags = [...text.matchAll(TAG_CHARACTERS)]
    .map((match) => String.fromCodePoint(match[0].codePointAt(0)! - 0xe0000))
    .join("");
  const decoded = (text.match(BASE64) ?? [])
    .map((chunk) => Buffer.from(chunk, "base64").toString("utf8"))
    .filter((plain) => /^[\x20-\x7e\u00a0-\u024f\s]+$/.test(plain));
  return [text.replace(ZERO_WIDTH, ""), tags, ...decoded].join("\n");
}

export function hasInjection(text: string): boolean {
  const visible = revealed(text);
  return OVERRIDE.test(visible) || ROLE_TAG.test(visible) || SMUGGLED_JSON.test(visible);
}

/** What the injection asks for, as the model would read it: the words after the override or role tag. */
function payload(visible: string): string {
  const match = OVERRIDE.exec(visible) ?? ROLE_TAG.exec(visible);
  const after = match ? visible.slice(match.index + match[0].length) : visible;
  return (
    after
      .replace(/[\s:.,;-]+/, "")
      .split("\n")[0]!
      .trim()
      .slice(0, 120) || "ADMIN"
  );
}

/** The answer an obedient model gives: smuggled fields merged, the intent asked for, fields the schema lacks added. */
export function obey(answer: Extraction, text: string): Record<string, unknown> {
  const visible = revealed(text);
  let smuggled: Record<string, unknown> = {};
  const json = SMUGGLED_JSON.exec(visible);
  if (json) {
    try {
      smuggled = JSON.parse(json[0]) as Record<string, unknown>;
    } catch {
      smuggled = { confidence: 1 };
    }
  }
  const intent = INTENT.exec(visible)?.[1]?.toLowerCase();
  return {
    ...answer,
    isAppointmentRequest: true,
    ...(intent !== undefined ? { intent } : {}),
    contact: payload(visible),
    confidence: 1,
    status: "complete",
    note: "Instructions updated as requested.",
    ...smuggled,
  };
}
