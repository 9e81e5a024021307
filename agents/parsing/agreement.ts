// How a model's value is weighed against the rules' reading of the same field (docs/confidence.md): which
// value stands, and how much the two readings differ.
import type { Grounding } from "./grounding.js";
import { key, sameWords } from "./phrases.js";

/** Longest field value kept from a model: contacts, services and places are short phrases. */
const MAX_FIELD_LENGTH = 120;

/**
 * The model's value when the rules read the same or it comes from where the model may take it (the text;
 * in a conversation, grounding.ts); otherwise the model invented it (or was talked into it), so the rules'
 * value stands and the invention counts against the reading.
 */
export function modelValue(
  model: string | null,
  ruled: string | null,
  grounding: Grounding,
): { value: string | null; invented: boolean } {
  if (model === null) return { value: null, invented: false };
  const value = model.replace(/\s+/g, " ").trim();
  if (value === "") return { value: null, invented: false };
  if (value.length > MAX_FIELD_LENGTH) return { value: ruled, invented: true };
  if (ruled !== null && key(value) === key(ruled)) return { value: ruled, invented: false };
  return grounding.holds(value, ruled) ? { value, invented: false } : { value: ruled, invented: true };
}

/** 0 when both readings agree, 0.5 when only one found a value, 1 when they found different ones. */
export function difference<T>(a: T | null, b: T | null, same: (a: T, b: T) => boolean = sameWords): number {
  if (a === null && b === null) return 0;
  if (a === null || b === null) return 0.5;
  return same(a, b) ? 0 : 1;
}
