// Prompt injections a gullible model would obey, as Cita's own check finds them (src/llm/injection.ts):
// the `obeyInjection` fault answers as if the model followed them; the system prompt is never echoed.
import { OVERRIDE, ROLE_TAG, revealed, SMUGGLED_JSON } from "../../src/llm/injection.js";
import type { Extraction } from "./extraction.js";

export { hasInjection } from "../../src/llm/injection.js";

/** "set intent cancel", "intent: cancel", "intent to cancel": the intent an injection asks for. */
const INTENT = /\bintent(?: to| is|:|=)? *"?(book|reschedule|cancel|availability|none)\b/i;

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
