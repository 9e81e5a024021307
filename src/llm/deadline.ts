// One deadline for an LLM call, linked to the client's own signal. Built from an AbortController and a
// cleared setTimeout: on Node 20, AbortSignal.any([..., AbortSignal.timeout(ms)]) sometimes never fires
// (nodejs/node#57736, PITFALLS.md).
export interface Deadline {
  signal: AbortSignal;
  /** Clears the timer and the link to the client's signal; call it when the work is done. */
  dispose(): void;
}

export function deadline(ms: number, parent?: AbortSignal): Deadline {
  const controller = new AbortController();
  // A TimeoutError reason, so providers report the deadline as a timeout rather than a cancellation.
  const timer = setTimeout(
    () => controller.abort(new DOMException("The deadline passed.", "TimeoutError")),
    ms,
  );
  const follow = () => controller.abort(parent?.reason);
  if (parent?.aborted) follow();
  else parent?.addEventListener("abort", follow, { once: true });
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      parent?.removeEventListener("abort", follow);
    },
  };
}
