// The words of the incident announcements (announcement.ts), in English and in Spanish as an on-call engineer
// in Spain would write them: an "incidencia", "caída", "en observación". Each language gives every entry
// (`satisfies AnnouncementWords`), so a missing translation is a type error. Phrases that take values are
// functions of values already formatted and escaped by the caller: nothing here sees the record.
import type {
  IncidentChange,
  IncidentState,
  IncidentTrigger,
  IncidentType,
  MitigationKind,
  Severity,
} from "./types.js";

export type AnnouncementLanguage = "es" | "en";
export const ANNOUNCEMENT_LANGUAGES: readonly AnnouncementLanguage[] = ["en", "es"];

export interface AnnouncementWords {
  /** Weekdays from Sunday, months from January: the human form of a time, written here so no ICU decides. */
  weekdays: readonly string[];
  months: readonly string[];
  /** "Monday 2 March 2026, 10:15 UTC". */
  date(weekday: string, day: number, month: string, year: number, time: string): string;
  decimalMark: string;
  thousandsMark: string;
  /** Groups thousands in numbers of at least this many digits (Spanish style leaves 4-digit numbers alone). */
  groupFrom: number;
  percentSign: string;
  title(severity: string, id: string, state: string): string;
  /** The webhook's first line: what changed, or the runbook's periodic update with nothing changed. */
  change: Record<IncidentChange["kind"] | "update", (severity: string, state: string) => string>;
  labels: {
    start: string;
    duration: string;
    severity: string;
    state: string;
    trigger: string;
    types: string;
    providers: string;
    impact: string;
    mitigations: string;
    recovery: string;
    nextUpdate: string;
    resolvedAt: string;
  };
  ongoing(duration: string): string;
  severityMeaning: Record<Severity, string>;
  states: Record<IncidentState, string>;
  triggers: Record<IncidentTrigger, string>;
  types: Record<IncidentType, string>;
  none: string;
  llmPath(severity: string | null, failed: string, wanted: string, rate: string): string;
  service(severity: string | null, failed: string, requests: string, rate: string): string;
  llmP95(latency: string): string;
  /** The LLM path fully down while the service still answered every request. */
  allAnsweredByRules: string;
  impact: {
    requests(requests: string, wanted: string): string;
    answeredByRules(count: string): string;
    degraded(count: string): string;
    lost(count: string, none: boolean): string;
    extraLatency(mean: string, p95: string): string;
    unknown: string;
  };
  mitigation: Record<MitigationKind, (target: string | null) => string>;
  recovery: {
    verdict(at: string, passed: boolean): string;
    cases(answered: string, cases: string): string;
    latency(p95: string, limit: string): string;
    confidence(mean: string, minimum: string): string;
    agreement(rate: string, minimum: string): string;
    quota(remaining: string, minimum: string): string;
    quotaUnknown: string;
    noAnswer: string;
  };
  notScheduled: string;
}

const en = {
  weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
  months: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  date: (weekday, day, month, year, time) => `${weekday} ${day} ${month} ${year}, ${time} UTC`,
  decimalMark: ".",
  thousandsMark: ",",
  groupFrom: 4,
  percentSign: "%",
  title: (severity, id, state) => `[${severity}] LLM incident ${id}: ${state}`,
  change: {
    opened: (severity) => `New incident, ${severity}.`,
    severity: (severity) => `Severity is now ${severity}.`,
    state: (_severity, state) => `State is now ${state}.`,
    resolved: () => "Resolved.",
    update: (severity, state) => `Update: still ${state}, ${severity}.`,
  },
  labels: {
    start: "Start",
    duration: "Duration",
    severity: "Severity",
    state: "State",
    trigger: "Opened because",
    types: "Type",
    providers: "Providers and models",
    impact: "Impact since the start",
    mitigations: "What Cita did by itself",
    recovery: "Last recovery check",
    nextUpdate: "Next update",
    resolvedAt: "Resolved",
  },
  ongoing: (duration) => `${duration} so far`,
  severityMeaning: {
    P1: "100% down",
    P2: "over 50% errors",
    P3: "over 20% errors",
    P4: "slow but working",
  },
  states: {
    investigating: "investigating",
    mitigated: "mitigated",
    monitoring: "monitoring",
    resolved: "resolved",
  },
  triggers: { router: "the LLM router left healthy", rollback: "a fine-tuned variant was rolled back" },
  types: {
    high_latency: "high latency",
    low_quality: "low quality",
    rate_limiting: "rate limiting",
    service_down: "LLM service down",
  },
  none: "none",
  llmPath: (severity, failed, wanted, rate) =>
    `LLM path: ${severity ?? "within limits"}, ${failed} of ${wanted} requests that wanted an LLM reading did not get one (${rate})`,
  service: (severity, failed, requests, rate) =>
    `Service: ${severity ?? "answering"}, ${failed} of ${requests} requests answered with a server error (${rate})`,
  llmP95: (latency) => `LLM calls' p95 latency: ${latency}`,
  allAnsweredByRules:
    "The LLM path is completely down, but Cita answered every request (the rules reader took over): no answer was lost.",
  impact: {
    requests: (requests, wanted) => `Requests: ${requests}, of which ${wanted} wanted an LLM reading`,
    answeredByRules: (count) => `Answered by the rules reader instead of an LLM: ${count}`,
    degraded: (count) => `Degraded answers (minimal sequence): ${count}`,
    lost: (count, none) => `Answers lost (5xx): ${count}${none ? ", every request was answered" : ""}`,
    extraLatency: (mean, p95) => `Extra latency: mean ${mean}, p95 ${p95}`,
    unknown: "not known yet",
  },
  mitigation: {
    failover: (target) =>
      `Failover: traffic moved from ${target ?? "the failing provider"} to other providers`,
    breaker_opened: (target) => `Circuit breaker opened for ${target ?? "a provider"}`,
    rate_limit_pause: (target) => `${target ?? "A provider"} paused until its Retry-After (429s)`,
    conservation_on: () => "Conservation mode on (short prompt, fewer output tokens, longer cache)",
    degraded_sequence: () => "Degraded mode: minimal sequence (Parsing, Temporal, Validation)",
    rules_fallback: () => "Requests read by the rules parser (no usable LLM)",
    rollout_rolled_back: (target) =>
      `Fine-tuned rollout${target === null ? "" : ` of ${target}`} rolled back to 0%`,
  },
  recovery: {
    verdict: (at, passed) => `${passed ? "passed" : "failed"} (${at})`,
    cases: (answered, cases) => `${answered} of ${cases} cases answered`,
    latency: (p95, limit) => `p95 latency ${p95} (limit ${limit})`,
    confidence: (mean, minimum) => `mean confidence ${mean} (minimum ${minimum})`,
    agreement: (rate, minimum) => `agreement with the rules ${rate} (minimum ${minimum})`,
    quota: (remaining, minimum) => `quota left ${remaining} requests (minimum ${minimum})`,
    quotaUnknown: "quota not reported by the provider",
    noAnswer: "no answer",
  },
  notScheduled: "not scheduled",
} as const satisfies AnnouncementWords;

const es = {
  weekdays: ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
  months: [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
  ],
  date: (weekday, day, month, year, time) => `${weekday}, ${day} de ${month} de ${year}, ${time} UTC`,
  decimalMark: ",",
  thousandsMark: ".",
  groupFrom: 5,
  percentSign: " %",
  title: (severity, id, state) => `[${severity}] Incidencia LLM ${id}: ${state}`,
  change: {
    opened: (severity) => `Nueva incidencia, ${severity}.`,
    severity: (severity) => `La severidad pasa a ${severity}.`,
    state: (_severity, state) => `La incidencia pasa a estar ${state}.`,
    resolved: () => "Resuelta.",
    update: (severity, state) => `Actualización: sigue ${state}, ${severity}.`,
  },
  labels: {
    start: "Inicio",
    duration: "Duración",
    severity: "Severidad",
    state: "Estado",
    trigger: "Motivo de apertura",
    types: "Tipo",
    providers: "Proveedores y modelos",
    impact: "Impacto desde el inicio",
    mitigations: "Lo que Cita ha hecho por su cuenta",
    recovery: "Última comprobación de recuperación",
    nextUpdate: "Próxima actualización",
    resolvedAt: "Resuelta",
  },
  ongoing: (duration) => `${duration} por ahora`,
  severityMeaning: {
    P1: "caída total (100 %)",
    P2: "más del 50 % de errores",
    P3: "más del 20 % de errores",
    P4: "va lento, pero funciona",
  },
  states: {
    investigating: "en investigación",
    mitigated: "mitigada",
    monitoring: "en observación",
    resolved: "resuelta",
  },
  triggers: {
    router: "el router de LLM ha dejado de estar sano",
    rollback: "se ha revertido una variante fine-tuned",
  },
  types: {
    high_latency: "latencia alta",
    low_quality: "baja calidad",
    rate_limiting: "límite de peticiones (429)",
    service_down: "servicio LLM caído",
  },
  none: "ninguno",
  llmPath: (severity, failed, wanted, rate) =>
    `Ruta LLM: ${severity ?? "dentro de umbrales"}; ${failed} de ${wanted} peticiones que pedían lectura por LLM se quedaron sin ella (${rate})`,
  service: (severity, failed, requests, rate) =>
    `Servicio: ${severity ?? "respondiendo"}; ${failed} de ${requests} peticiones acabaron en error del servidor (${rate})`,
  llmP95: (latency) => `p95 de latencia de las llamadas al LLM: ${latency}`,
  allAnsweredByRules:
    "La ruta LLM está caída del todo, pero Cita ha respondido a todas las peticiones (ha tirado del lector de reglas): no se ha perdido ninguna respuesta.",
  impact: {
    requests: (requests, wanted) => `Peticiones: ${requests}; ${wanted} pedían lectura por LLM`,
    answeredByRules: (count) => `Respondidas por el lector de reglas en vez del LLM: ${count}`,
    degraded: (count) => `Respuestas degradadas (secuencia mínima): ${count}`,
    lost: (count, none) =>
      `Respuestas perdidas (5xx): ${count}${none ? "; todas las peticiones tuvieron respuesta" : ""}`,
    extraLatency: (mean, p95) => `Latencia añadida: media ${mean}, p95 ${p95}`,
    unknown: "todavía sin datos",
  },
  mitigation: {
    failover: (target) =>
      `Failover: tráfico desviado de ${target ?? "el proveedor que falla"} a otros proveedores`,
    breaker_opened: (target) => `Circuit breaker abierto para ${target ?? "un proveedor"}`,
    rate_limit_pause: (target) => `${target ?? "Un proveedor"} en pausa hasta su Retry-After (429)`,
    conservation_on: () => "Modo ahorro activado (prompt corto, menos tokens de salida, caché más larga)",
    degraded_sequence: () => "Modo degradado: secuencia mínima (Parsing, Temporal, Validation)",
    rules_fallback: () => "Las peticiones las lee el parser de reglas (no queda ningún LLM utilizable)",
    rollout_rolled_back: (target) =>
      `Rollout fine-tuned${target === null ? "" : ` de ${target}`} revertido al 0 %`,
  },
  recovery: {
    verdict: (at, passed) => `${passed ? "superada" : "no superada"} (${at})`,
    cases: (answered, cases) => `${answered} de ${cases} casos con respuesta`,
    latency: (p95, limit) => `p95 de latencia ${p95} (límite ${limit})`,
    confidence: (mean, minimum) => `confianza media ${mean} (mínimo ${minimum})`,
    agreement: (rate, minimum) => `coincidencia con las reglas ${rate} (mínimo ${minimum})`,
    quota: (remaining, minimum) => `cuota restante ${remaining} peticiones (mínimo ${minimum})`,
    quotaUnknown: "el proveedor no informa de su cuota",
    noAnswer: "sin respuesta",
  },
  notScheduled: "sin programar",
} as const satisfies AnnouncementWords;

export const ANNOUNCEMENT_WORDS: Readonly<Record<AnnouncementLanguage, AnnouncementWords>> = { en, es };
