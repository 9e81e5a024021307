// The admin routes the CLI and other processes use to steer a running simulator:
// POST /_sim/faults ({provider, model?, faults} or {rules: [...]}), GET /_sim/attempts, POST /_sim/reset.
import { z } from "zod";
import { type FaultInput, faultConfigSchema, faultSchema } from "./faults.js";
import type { Attempt } from "./recording.js";

export interface SimulatorControl {
  setFaults(provider: string, model: string | undefined, faults: readonly FaultInput[]): void;
  clearFaults(): void;
  attempts(): Attempt[];
  reset(): void;
}

const oneRule = z.object({
  provider: z.string(),
  model: z.string().optional(),
  faults: z.array(faultSchema),
});

export function handleAdmin(
  method: string,
  path: string,
  body: unknown,
  control: SimulatorControl,
): { status: number; body: unknown } {
  if (method === "GET" && path === "/_sim/attempts")
    return { status: 200, body: { attempts: control.attempts() } };
  if (method === "POST" && path === "/_sim/reset") {
    control.reset();
    return { status: 200, body: { ok: true } };
  }
  if (method === "DELETE" && path === "/_sim/faults") {
    control.clearFaults();
    return { status: 200, body: { ok: true } };
  }
  if (method === "POST" && path === "/_sim/faults") {
    const single = oneRule.safeParse(body);
    const many = single.success ? null : faultConfigSchema.safeParse(body);
    const rules = single.success ? [single.data] : many?.success ? many.data.rules : null;
    if (rules === null) {
      return {
        status: 400,
        body: { error: "invalid faults", issues: (many?.error ?? single.error)?.issues },
      };
    }
    for (const rule of rules) control.setFaults(rule.provider, rule.model, rule.faults);
    return { status: 200, body: { ok: true, rules: rules.length } };
  }
  return { status: 404, body: { error: `no admin route ${method} ${path}` } };
}
