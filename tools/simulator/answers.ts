// What the simulated model writes: the extraction as JSON, or its faulty variants (invalid, off-schema,
// empty, low quality, truncated, injected). Dialects wrap it in their own response shapes.
import { type Extraction, emptyExtraction, extractInput, type ModelInput } from "./extraction.js";
import type { FaultKind, OutcomeFault } from "./faults.js";
import { hasInjection, obey } from "./injection.js";
import type { Random } from "./random.js";

export interface Answer {
  /** The model's text: JSON when well behaved. */
  text: string;
  /** The text as an object when it is one (a tool call's input), else null. */
  value: Record<string, unknown> | null;
  finish: "stop" | "length";
  outputTokens: number;
  /** The content fault applied, if any (obeyInjection only counts when the text held an injection). */
  applied: FaultKind | null;
}

/** About four characters a token, as BPE tokenizers average on Latin text. */
export function countTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

const VIOLATIONS: ((extraction: Extraction) => Record<string, unknown>)[] = [
  (extraction) => ({
    ...extraction,
    isAppointmentRequest: "yes",
    language: extraction.language === "es" ? "spanish" : "english",
    durationMinutes: `${extraction.durationMinutes ?? 30} minutes`,
  }),
  ({ dateText: _date, timeText: _time, ...rest }) => ({ ...rest, date: "tomorrow", time: 17 }),
  (extraction) => ({
    ...extraction,
    location: { name: extraction.location ?? "Madrid" },
    contact: [extraction.contact],
    previous: extraction.previous?.dateText ?? "yesterday",
  }),
];

function invalidJson(json: string, variant: string): string {
  switch (variant) {
    case "prose":
      return `Sure! Here is the extracted appointment:\n${json}\nLet me know if you need anything else.`;
    case "fence":
      return `\`\`\`json\n${json}\n\`\`\``;
    case "trailingComma":
      return json.replace(/\}$/, ",}").replace(/^\{/, "{\n  ");
    default:
      return json.replace(/"(\w+)":/g, "$1:").replace(/\}$/, "");
  }
}

function truncate(text: string, keep: number): { text: string; value: Record<string, unknown> | null } {
  const cut = text.slice(0, Math.max(1, keep));
  // What a tool call's input holds when cut: the complete leading fields only.
  const complete = cut.slice(0, cut.lastIndexOf(",")).concat("}");
  try {
    return { text: cut, value: JSON.parse(complete) as Record<string, unknown> };
  } catch {
    return { text: cut, value: {} };
  }
}

export function answer(
  input: ModelInput,
  now: Date,
  fault: OutcomeFault | null,
  maxTokens: number | null,
  random: Random,
): Answer {
  const extraction = extractInput(input, now);
  let value: Record<string, unknown> = { ...extraction };
  let applied: FaultKind | null = fault?.kind ?? null;
  let text: string | null = null;
  switch (fault?.kind) {
    case "obeyInjection":
      if (hasInjection(input.text)) value = obey(extraction, input.text);
      else applied = null;
      break;
    case "lowQuality":
      // A request the model saw as one, with every field missed.
      value = { ...emptyExtraction(extraction.language, true) };
      break;
    case "schemaViolation":
      value = VIOLATIONS[Math.floor(random() * VIOLATIONS.length)]!(extraction);
      break;
    case "empty":
      text = "";
      break;
    case "invalidJson": {
      const variants = ["prose", "fence", "trailingComma", "broken"];
      text = invalidJson(
        JSON.stringify(value),
        fault.variant ?? variants[Math.floor(random() * variants.length)]!,
      );
      break;
    }
    default:
      if (fault?.kind !== "truncated") applied = null;
  }
  if (text !== null) return { text, value: null, finish: "stop", outputTokens: countTokens(text), applied };
  const json = JSON.stringify(value);
  const limit = maxTokens === null ? Number.POSITIVE_INFINITY : maxTokens * 4;
  if (fault?.kind === "truncated" || json.length > limit) {
    const keep =
      fault?.kind === "truncated" ? Math.min(limit, Math.floor(json.length * (0.3 + random() * 0.4))) : limit;
    const cut = truncate(json, keep);
    return { ...cut, finish: "length", outputTokens: countTokens(cut.text), applied };
  }
  return { text: json, value, finish: "stop", outputTokens: countTokens(json), applied };
}
