// What the incident tests watch on a Cita under a chaos scenario (tools/chaos/run.ts's `watch`): the
// `cita_incident_open` gauge on /metrics over time (the alert rules switch regime on it), and, before Cita
// stops, each incident's announcement in both languages (GET /admin/incidents/:id/announcement).
import { CHAOS_ADMIN_TOKEN } from "../../tools/chaos/cita.js";
import { readIncidents } from "../../tools/chaos/incidents.js";
import { sleep } from "../../tools/chaos/stats.js";

export const METRICS_TOKEN = "incident-metrics-token-0123456789abcdef";
export const LANGUAGES = ["es", "en"] as const;

/** The gauge's value in an exposition: the largest of its series (one per label set), null when absent. */
export function incidentGauge(exposition: string): number | null {
  const values = exposition
    .split("\n")
    .filter((line) => /^cita_incident_open(\{|\s)/.test(line))
    .map((line) => Number(line.trim().split(/\s+/).at(-1)));
  return values.length === 0 ? null : Math.max(...values);
}

async function scrape(baseUrl: string): Promise<string | null> {
  try {
    const response = await fetch(`${baseUrl}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      signal: AbortSignal.timeout(2000),
    });
    return response.status === 200 ? await response.text() : null;
  } catch {
    return null;
  }
}

export async function announcement(baseUrl: string, id: string, lang: string) {
  const response = await fetch(`${baseUrl}/admin/incidents/${id}/announcement?lang=${lang}`, {
    headers: { authorization: `Bearer ${CHAOS_ADMIN_TOKEN}` },
  });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

export interface Watched {
  /** The gauge's readings, in order (null: no gauge in the exposition, or /metrics unreadable). */
  gauge: (number | null)[];
  /** By incident id, then language: the announcement's Markdown as Cita served it at the end. */
  announcements: Map<
    string,
    Record<(typeof LANGUAGES)[number], { status: number; type: string | null; text: string }>
  >;
}

/** A `watch` for runScenario: polls the gauge of the first instance, reads the announcements at the end. */
export function incidentWatch(watched: Watched, pollMs = 50) {
  return (urls: readonly string[]) => {
    const url = urls[0]!;
    let stopped = false;
    const loop = (async () => {
      while (!stopped) {
        const text = await scrape(url);
        watched.gauge.push(text === null ? null : incidentGauge(text));
        await sleep(pollMs);
      }
    })();
    return {
      async stop() {
        stopped = true;
        await loop;
        const text = await scrape(url);
        watched.gauge.push(text === null ? null : incidentGauge(text));
        for (const incident of (await readIncidents(url)) ?? []) {
          const [es, en] = await Promise.all(LANGUAGES.map((lang) => announcement(url, incident.id, lang)));
          watched.announcements.set(incident.id, { es: es!, en: en! });
        }
      },
    };
  };
}
