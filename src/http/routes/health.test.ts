// GET /health: 200 with the service's status, version and modes.
import { describe, expect, it } from "vitest";
import { UUID } from "../../../test/support/answers.js";
import { loggedApp } from "../../../test/support/parse-requests.js";
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
