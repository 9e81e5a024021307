// The one bound on a call's answer: the answer within the deadline, a LateError past it, the call's own
// rejection unchanged.
import { afterEach, describe, expect, it, vi } from "vitest";
import { LateError, withinDeadline } from "./deadline.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("withinDeadline", () => {
  it("answers what the call answers just before the deadline", async () => {
    vi.useFakeTimers();
    const answer = withinDeadline(new Promise((resolve) => setTimeout(() => resolve("ok"), 99)), 100);
    await vi.advanceTimersByTimeAsync(99);
    await expect(answer).resolves.toBe("ok");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects with a LateError at the deadline, naming it", async () => {
    vi.useFakeTimers();
    const answer = withinDeadline(new Promise(() => {}), 100);
    const settled = expect(answer).rejects.toThrow(new LateError("no answer within 100 ms"));
    await vi.advanceTimersByTimeAsync(100);
    await settled;
    await expect(answer).rejects.toBeInstanceOf(LateError);
  });

  it("passes the call's own rejection on, not as late", async () => {
    const failure = new Error("refused");
    await expect(withinDeadline(Promise.reject(failure), 100)).rejects.toBe(failure);
  });
});
