import { describe, expect, it, vi } from "vitest";
import { deadline } from "./deadline.js";

describe("deadline", () => {
  it("aborts with a TimeoutError when the time runs out", () => {
    vi.useFakeTimers();
    try {
      const { signal, dispose } = deadline(1000);
      vi.advanceTimersByTime(999);
      expect(signal.aborted).toBe(false);
      vi.advanceTimersByTime(1);
      expect(signal.aborted).toBe(true);
      expect((signal.reason as DOMException).name).toBe("TimeoutError");
      dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it("follows the client's signal, and lets go of it once disposed", () => {
    const client = new AbortController();
    const first = deadline(60_000, client.signal);
    client.abort(new Error("client left"));
    expect(first.signal.aborted).toBe(true);
    first.dispose();

    const other = new AbortController();
    const second = deadline(60_000, other.signal);
    second.dispose();
    other.abort();
    expect(second.signal.aborted).toBe(false);
  });

  it("starts aborted when the client already left", () => {
    const client = new AbortController();
    client.abort();
    const { signal, dispose } = deadline(60_000, client.signal);
    expect(signal.aborted).toBe(true);
    dispose();
  });
});
