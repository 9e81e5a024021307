// Near-JSON repair for model answers, then validation. Models wrap JSON in code fences, lead with a
// sentence, leave trailing commas or use single quotes; these are fixed mechanically. Anything else is a
// schema failure for structured.ts to re-ask about: the repair never guesses a value.
import type { z } from "zod";

export type Validated<T> = { ok: true; value: T; repaired: boolean } | { ok: false; reason: string };

/** Longest answer worth repairing; anything longer is not the small object we asked for. */
const MAX_ANSWER_LENGTH = 20_000;

export function repairAndValidate<T>(text: string, schema: z.ZodType<T>): Validated<T> {
  if (text.length > MAX_ANSWER_LENGTH) return { ok: false, reason: "answer too long" };
  const candidates = repairCandidates(text);
  if (candidates.length === 0) return { ok: false, reason: "no JSON object in the answer" };
  let reason = "not JSON";
  for (const [index, candidate] of candidates.entries()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(candidate);
    } catch {
      continue;
    }
    const result = schema.safeParse(parsed);
    if (result.success) return { ok: true, value: result.data, repaired: index > 0 || candidate !== text };
    // Issue paths and codes only: the model's values are never echoed into a reason (or a log).
    reason = `schema: ${result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".") || "(root)"} ${issue.code}`)
      .join("; ")}`;
  }
  return { ok: false, reason };
}

/** The answer as is, then progressively repaired readings of its first JSON object. */
export function repairCandidates(text: string): string[] {
  const trimmed = text.trim();
  const object = firstObject(stripFence(trimmed));
  if (object === null) return trimmed.startsWith("{") ? [trimmed] : [];
  const withoutCommas = removeTrailingCommas(object);
  const candidates = [trimmed, object, withoutCommas, doubleQuoted(withoutCommas)];
  return [...new Set(candidates)];
}

function stripFence(text: string): string {
  const fence = /```[a-zA-Z]*\s*\n?([\s\S]*?)```/.exec(text);
  return fence ? fence[1]!.trim() : text;
}

/** The first balanced `{...}` (string-aware), skipping any prose before or after it. */
function firstObject(text: string): string | null {
  const start = text.indexOf("{");
  if (start < 0) return null;
  let depth = 0;
  let quote: string | null = null;
  for (let index = start; index < text.length; index++) {
    const character = text[index]!;
    if (quote !== null) {
      if (character === "\\") index++;
      else if (character === quote) quote = null;
      continue;
    }
    if (character === '"' || character === "'") quote = character;
    else if (character === "{") depth++;
    else if (character === "}" && --depth === 0) return text.slice(start, index + 1);
  }
  return null;
}

/** `,}` and `,]` outside strings. */
function removeTrailingCommas(json: string): string {
  return mapOutsideStrings(json, (segment) => segment.replace(/,(\s*[}\]])/g, "$1"));
}

/**
 * Single-quoted keys and strings turned into JSON strings, only where it is safe: a single-quoted run
 * that starts after `{`, `,`, `:` or `[` and ends before `:`, `,`, `}` or `]`. An apostrophe inside a
 * double-quoted string ("O'Brien") is left alone.
 */
function doubleQuoted(json: string): string {
  if (!json.includes("'")) return json;
  return json.replace(
    /("(?:[^"\\]|\\.)*")|([{,:[]\s*)'((?:[^'\\]|\\.)*)'(?=\s*[:,}\]])/g,
    (match, doubleString: string | undefined, before: string, body: string) =>
      doubleString !== undefined ? match : `${before}${JSON.stringify(body.replace(/\\'/g, "'"))}`,
  );
}

function mapOutsideStrings(json: string, map: (segment: string) => string): string {
  let result = "";
  let segment = "";
  let inString = false;
  for (let index = 0; index < json.length; index++) {
    const character = json[index]!;
    if (inString) {
      result += character;
      if (character === "\\") result += json[++index] ?? "";
      else if (character === '"') inString = false;
      continue;
    }
    if (character === '"') {
      result += map(segment) + character;
      segment = "";
      inString = true;
    } else segment += character;
  }
  return result + map(segment);
}
