// The agents' names, a leaf module so that what names an agent (the model registry, the configuration, the
// response schemas) can import them without importing the agent contract and all it refers to.
export const AGENT_NAMES = [
  "parsing",
  "temporal",
  "geo",
  "validation",
  "availability",
  "negotiation",
] as const;

export type AgentName = (typeof AGENT_NAMES)[number];
