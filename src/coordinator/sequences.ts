// The two agent sequences. The coordinator runs the full one normally and the minimal one when the LLM
// router reports degradation.
import { availabilityAgent } from "../../agents/availability/index.js";
import { geoAgent } from "../../agents/geo/index.js";
import { negotiationAgent } from "../../agents/negotiation/index.js";
import { parsingAgent } from "../../agents/parsing/index.js";
import { temporalAgent } from "../../agents/temporal/index.js";
import { validationAgent } from "../../agents/validation/index.js";
import type { Agent } from "./agent.js";

/**
 * Order and why:
 * - parsing first: every other agent works on what it extracted (fields and raw time expressions). It
 *   reads with an LLM when the request has one (context.llm) and with the rules alone otherwise.
 * - temporal next: resolves the expressions into local date/time/start/end in the user's zone.
 * - geo: after temporal, because placing the appointment in another zone re-resolves the same
 *   expressions there; before validation, so the past/DST checks use the final zone.
 * - validation: needs every field final; decides status and computes confidence.
 * - availability: only after validation, since an invalid or incomplete slot is not worth a lookup; it
 *   settles the status and confidence again when the slot cannot be booked.
 * - negotiation: last, it proposes alternatives for what availability found taken.
 */
export const fullSequence: readonly Agent[] = [
  parsingAgent,
  temporalAgent,
  geoAgent,
  validationAgent,
  availabilityAgent,
  negotiationAgent,
];

/** What still gives a correct, validated answer when LLMs are degraded: no enrichment, no lookups. */
export const minimalSequence: readonly Agent[] = [parsingAgent, temporalAgent, validationAgent];
