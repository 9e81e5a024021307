// Admin routes need `Authorization: Bearer <ADMIN_TOKEN>`. Without a configured token they answer 403 (the
// deployment has no admin); a missing or wrong token answers 401.
import type { MiddlewareHandler } from "hono";
import { bearerCheck } from "./bearer.js";
import { ApiError } from "./errors.js";

export function requireAdmin(adminToken: string | null): MiddlewareHandler {
  const check = adminToken === null ? null : bearerCheck(adminToken);
  return async (context, next) => {
    if (check === null) {
      throw new ApiError("forbidden", "Admin routes are disabled: no ADMIN_TOKEN is configured.");
    }
    if (!(await check(context.req.header("authorization")))) {
      throw new ApiError("unauthorized", "Send Authorization: Bearer <admin token>.", {
        "WWW-Authenticate": 'Bearer realm="cita"',
      });
    }
    await next();
  };
}
