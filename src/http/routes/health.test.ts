// GET /health: 200 with the service's status, version and modes.
import { describe, expect, it } from "vitest";
import { UUID } from "../../../test/support/answers.js";
import { type App, closedAfterEach, NOW, openCalendarApp } from "../../../test/support/calendar-app.js";
import { loggedApp } from "../../../test/support/parse-requests.js";
import { embeddedState } from "../../shared/state.js";
import { HealthResponseSchema } from "../schemas/health.js";

describe("GET /health", () => {
  const { app } = loggedApp();

  it("answers GET /health with its shape", async () => {
    const response = await app.request("/health");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toMatch(UUID);
    const body = HealthResponseSchema.parse(await response.json());
    expect(body.status).toBe("ok");
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.modes).toContain("rules");
  });
});

describe("GET /health: the engines it relies on", () => {
  const open = closedAfterEach(openCalendarApp);

  async function health(app: App): Promise<Record<string, unknown> & { stores: Record<string, unknown> }> {
    const response = await app.request("/health");
    expect(response.status).toBe(200);
    return HealthResponseSchema.parse(await response.json()) as never;
  }

  it("names the calendar store and says it answers", async () => {
    const { app } = await open();
    const body = await health(app);
    expect(body.status).toBe("ok");
    expect(body.stores).toEqual({
      calendars: { engine: "sqlite", state: "ok", checkedAt: new Date(NOW).toISOString() },
    });
  });

  it("is degraded, still 200, when the calendar store does not answer", async () => {
    const { app, store } = await open();
    await store.close();
    const body = await health(app);
    expect(body.status).toBe("degraded");
    expect(body.stores.calendars).toMatchObject({ engine: "sqlite", state: "unavailable" });
  });

  it("leaves the shared store out for the embedded default", async () => {
    const { app } = await open({ app: { shared: embeddedState } });
    expect((await health(app)).stores).not.toHaveProperty("shared");
  });

  it("shows the shared store's state, and is degraded while it is unavailable", async () => {
    let state: "ok" | "unavailable" = "unavailable";
    const shared = {
      ...embeddedState,
      shared: true,
      status: () => ({ store: "redis" as const, state, syncedAt: "2026-01-19T23:59:59.000Z" }),
    };
    const { app } = await open({ app: { shared } });
    const down = await health(app);
    expect(down.status).toBe("degraded");
    expect(down.stores.shared).toEqual({
      store: "redis",
      state: "unavailable",
      syncedAt: "2026-01-19T23:59:59.000Z",
    });
    state = "ok";
    const back = await health(app);
    expect(back.status).toBe("ok");
    expect(back.stores.shared).toMatchObject({ state: "ok" });
  });
});
