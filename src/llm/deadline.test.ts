import { describe, expect, it, vi } from "vitest";
import { deadline, linked, pause } from "./deadline.js";

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

describe("linked", () => {
  it("follows its parent with the parent's reason, aborts on its own, and lets go once disposed", () => {
    const parent = new AbortController();
    const child = linked(parent.signal);
    parent.abort(new Error("client left"));
    expect((child.signal.reason as Error).message).toBe("client left");

    const own = linked(new AbortController().signal);
    own.abort(new DOMException("Another provider answered first.", "AbortError"));
    expect((own.signal.reason as DOMException).name).toBe("AbortError");

    const other = new AbortController();
    const released = linked(other.signal);
    released.dispose();
    other.abort();
    expect(released.signal.aborted).toBe(false);
  });
});

describe("pause", () => {
  it("resolves true after the time, false at once when the signal aborts, and leaves no timer behind", async () => {
    vi.useFakeTimers();
    try {
      const waited = pause(500, new AbortController().signal);
      vi.advanceTimersByTime(500);
      await expect(waited).resolves.toBe(true);

      const controller = new AbortController();
      const cut = pause(500, controller.signal);
      controller.abort();
      await expect(cut).resolves.toBe(false);
      expect(vi.getTimerCount()).toBe(0);

      await expect(pause(500, controller.signal)).resolves.toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("deadline of an attempt", () => {
  it("names its own timeout, and a parent's abort ends it early", () => {
    vi.useFakeTimers();
    try {
      const request = new AbortController();
      const attempt = deadline(4000, request.signal, "The attempt timed out.");
      vi.advanceTimersByTime(4000);
      expect(attempt.signal.reason).toMatchObject({
        name: "TimeoutError",
        message: "The attempt timed out.",
      });
      attempt.dispose();

      const early = deadline(4000, request.signal);
      request.abort(new DOMException("The deadline passed.", "TimeoutError"));
      expect(early.signal.reason).toMatchObject({ message: "The deadline passed." });
      early.dispose();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
