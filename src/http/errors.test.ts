// The mapping from what a handler throws to the contract's error: the service's errors by kind, routes'
// own ApiErrors as they are, a calendar store out of reach 503, anything else a fault (null: the app
// answers 500 and logs it).
import { describe, expect, it } from "vitest";
import { StoreUnavailableError } from "../calendars/store-unavailable.js";
import { ServiceError, type ServiceErrorKind } from "../service-errors.js";
import { ApiError, apiErrorOf } from "./errors.js";

describe("apiErrorOf", () => {
  it.each<[ServiceErrorKind, string, number]>([
    ["unknown_calendar", "not_found", 404],
    ["llm_unavailable", "llm_unavailable", 503],
  ])("maps the service's %s to %s (%i), keeping its message", (kind, code, status) => {
    const mapped = apiErrorOf(new ServiceError(kind, "What the service said."));
    expect(mapped).toBeInstanceOf(ApiError);
    expect([mapped?.code, mapped?.status, mapped?.message]).toEqual([code, status, "What the service said."]);
  });

  it("answers a calendar store that cannot be reached 503 store_unavailable, never with the store's words", () => {
    const mapped = apiErrorOf(new StoreUnavailableError("connect ECONNREFUSED 10.0.0.5:5432"));
    expect([mapped?.code, mapped?.status]).toEqual(["store_unavailable", 503]);
    expect(mapped?.message).not.toContain("ECONNREFUSED");
  });

  it("answers a route's own ApiError as it is, and nothing for a fault", () => {
    const own = new ApiError("payload_too_large", "Too big.");
    expect(apiErrorOf(own)).toBe(own);
    expect(apiErrorOf(new TypeError("stream broke"))).toBeNull();
    expect(apiErrorOf("a string")).toBeNull();
  });
});
