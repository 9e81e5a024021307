// Time bounded by signals: a deadline linked to a parent signal (the client's, or the request's for one
// attempt), a controller that follows its parent and can be aborted on its own, and a pause that an abort
// cuts short. Built from an AbortController and a cleared setTimeout: on Node 20,
// AbortSignal.any([..., AbortSignal.timeout(ms)]) sometimes never fires (nodejs/node#57736, PITFALLS.md),
// and the openai SDK's own timeout stops counting once the headers arrive.

export interface Linked {
  signal: AbortSignal;
  abort(reason?: unknown): void;
  /** Lets go of the parent (and clears the timer of a deadline); call it when the work is done. */
  dispose(): void;
}

/** A controller that aborts when `parent` does, with the parent's reason. */
export function linked(parent?: AbortSignal): Linked {
  const controller = new AbortController();
  const follow = () => controller.abort(parent?.reason);
  if (parent?.aborted) follow();
  else parent?.addEventListener("abort", follow, { once: true });
  return {
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    dispose: () => parent?.removeEventListener("abort", follow),
  };
}

/**
 * Aborts after `ms` with a TimeoutError reason, so providers report it as a timeout rather than a
 * cancellation, or earlier when `parent` aborts.
 */
export function deadline(ms: number, parent?: AbortSignal, message = "The deadline passed."): Linked {
  const link = linked(parent);
  const timer = setTimeout(() => link.abort(new DOMException(message, "TimeoutError")), ms);
  return {
    ...link,
    dispose() {
      clearTimeout(timer);
      link.dispose();
    },
  };
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. Never rejects. */
export function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(false);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", stop);
      resolve(true);
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener("abort", stop, { once: true });
  });
}
