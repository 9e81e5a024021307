// The router's answer cache: validated model outputs only, under an exact key (normalised text or
// conversation, locale, zone, reference date, prompt and schema versions), each entry with its own expiry,
// at most `maxEntries` entries with the least recently used evicted first. A Map keeps insertion order,
// which serves as the recency list: a hit moves its entry to the end. With shared state, an answer another
// instance cached is read back through `sharedAnswer`, checked against the schema as if it had just come.
import type { z } from "zod";
import type { StructuredResult } from "../llm/structured.js";

/** One message of a conversation as the key reads it: its role and its normalised text. */
export interface CacheKeyMessage {
  role: string;
  text: string;
}

export interface CacheKeyParts {
  /** The text as the rules engine normalises it (folded, single spaces); a conversation's last user message. */
  text: string;
  /** A conversation's messages, oldest first, each normalised like `text`; null for a single text. */
  messages: readonly CacheKeyMessage[] | null;
  locale: string | null;
  timezone: string;
  /** The local date the request is read on. */
  referenceDate: string;
  promptVersion: string;
  schemaVersion: string;
  /** The model-registry variant (baseline or fine-tuned) changes the answer too; the router adds the prompt's. */
  variant: string;
}

/**
 * A text is its own part of the key, as it always was (at most 2000 characters). A conversation, up to
 * 20,000, is its SHA-256 digest over every role and text in order: the key stays as small as a text's, so
 * the cache's memory stays bounded by its entries, and no two conversations share a key unless they are
 * the same messages in the same order.
 */
export async function cacheKey(parts: CacheKeyParts): Promise<string> {
  const read =
    parts.messages === null
      ? parts.text
      : { conversation: await digest(JSON.stringify(parts.messages.map(({ role, text }) => [role, text]))) };
  return JSON.stringify([
    parts.promptVersion,
    parts.schemaVersion,
    parts.variant,
    parts.locale,
    parts.timezone,
    parts.referenceDate,
    read,
  ]);
}

async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

interface Entry<T> {
  value: T;
  expires: number;
}

export class AnswerCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  #hits = 0;
  #misses = 0;

  constructor(private readonly maxEntries: number) {}

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  get(key: string, now: number): T | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined || entry.expires <= now) {
      if (entry !== undefined) this.#entries.delete(key);
      this.#misses++;
      return undefined;
    }
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.#hits++;
    return entry.value;
  }

  set(key: string, value: T, ttlMs: number, now: number): void {
    if (!this.enabled || ttlMs <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, expires: now + ttlMs });
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  stats(): { entries: number; hits: number; misses: number } {
    return { entries: this.#entries.size, hits: this.#hits, misses: this.#misses };
  }
}

/**
 * An answer from the fleet's cache as the router uses it, or undefined when it is not one: the store is
 * shared, so the shape is checked and the value validated again by the call's schema.
 */
export function sharedAnswer<T>(stored: unknown, schema: z.ZodType<T>): StructuredResult<T> | undefined {
  const answer = stored as Partial<StructuredResult<unknown>> | null | undefined;
  const usage = answer?.usage;
  if (
    typeof answer?.provider !== "string" ||
    typeof answer.model !== "string" ||
    typeof answer.attempts !== "number" ||
    typeof usage?.inputTokens !== "number" ||
    typeof usage.outputTokens !== "number"
  )
    return undefined;
  const value = schema.safeParse(answer.value);
  if (!value.success) return undefined;
  return { ...(answer as StructuredResult<unknown>), value: value.data };
}
