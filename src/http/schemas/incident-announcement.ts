// GET /admin/incidents/{id}/announcement: the runbook's announcement of one incident as Markdown
// (src/incidents/announcement.ts), in English or Spanish. Text, not JSON: it is pasted into a channel or a
// status page as it is.
import { ADMIN_ERRORS, errorResponses } from "./errors.js";
import { ADMIN, type PathItems } from "./operation.js";

export const INCIDENT_ANNOUNCEMENT_PATH = "/admin/incidents/:id/announcement";

export const incidentAnnouncementPaths: PathItems = {
  "/admin/incidents/{id}/announcement": {
    get: {
      operationId: "getIncidentAnnouncement",
      summary: "An incident's announcement, in Markdown",
      description:
        "The runbook's template filled from the incident's record: start, severity (P1 100% down, P2 over " +
        "50% errors, P3 over 20% errors, P4 slow but working) on the LLM path and on the service, state, " +
        "types, providers and models, impact in numbers, the service's mitigations with their times, the " +
        "last recovery check, and the next update (30 minutes after the last announcement) or the " +
        "resolution. Every value from the record is escaped. The same text, in Slack's format, is what " +
        "INCIDENT_WEBHOOK_URL receives on each change (docs/incidents.md).",
      security: ADMIN,
      parameters: [
        {
          name: "id",
          in: "path",
          required: true,
          schema: { type: "string" },
          description: "The incident's id (inc_…)",
        },
        {
          name: "lang",
          in: "query",
          required: false,
          schema: { type: "string", enum: ["en", "es"] },
          description:
            "The language; without it, the first of en and es the Accept-Language header prefers, else en",
        },
      ],
      responses: {
        "200": {
          description: "The announcement (Content-Language says which language)",
          content: { "text/markdown": { schema: { type: "string" } } },
        },
        ...errorResponses({
          "400": "invalid_request (lang is neither en nor es, or id is not inc_ and 16 hex digits)",
          ...ADMIN_ERRORS,
          "404": "unknown_incident (no such incident)",
        }),
      },
    },
  },
};
