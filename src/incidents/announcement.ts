// The runbook's incident announcement filled from the record (issue 19, item 3; docs/incidents.md): start,
// severity with what it means on the LLM path and on the service, state, types, providers, impact in numbers,
// the mitigations with their times, the last recovery check, and the next update or the resolution. Markdown
// for GET /admin/incidents/:id/announcement; the webhook (webhook.ts) writes the same text in Slack's mrkdwn
// through another style. Every value from the record goes through the style's `value`, so a model name from
// the configuration cannot open a link, a table or a line of its own.

import { type Formatter, formatter } from "./announcement-format.js";
import {
  ANNOUNCEMENT_WORDS,
  type AnnouncementLanguage,
  type AnnouncementWords,
} from "./announcement-words.js";
import type { Incident, ProviderRecovery, Severity } from "./types.js";

/** How a text is marked up: CommonMark here, Slack's mrkdwn in webhook.ts. */
export interface AnnouncementStyle {
  /** Makes a value from the record inert: it adds no formatting, link or line break. */
  value(text: string): string;
  bold(text: string): string;
  heading(text: string): string;
  item(text: string, depth: 0 | 1): string;
}

/** Control characters and line separators would start a line of their own (a heading, a list). */
const LINE_BREAKS = /[\p{Cc}\u2028\u2029]+/gu;
/** What can open emphasis, code, a link, an autolink, raw HTML, an entity, a table cell or a heading mid-line. */
const MARKDOWN_SPECIAL = /[\\`*[\]<>|~&#]/g;
/** GitHub's Markdown links a bare `http://…` or `www.…`; an escaped colon or dot breaks the pattern. */
const BARE_LINK = /:(?=\/\/)|(?<=\bwww)\./giu;
/** An underscore inside a word opens no emphasis (CommonMark): `custom_suffix` stays as it is written. */
const WORD_EDGE_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

export const MARKDOWN_STYLE: AnnouncementStyle = {
  value: (text) =>
    text
      .replace(LINE_BREAKS, " ")
      .replace(MARKDOWN_SPECIAL, "\\$&")
      .replace(WORD_EDGE_UNDERSCORE, "\\_")
      .replace(BARE_LINK, "\\$&"),
  bold: (text) => `**${text}**`,
  heading: (text) => `### ${text}`,
  item: (text, depth) => `${"  ".repeat(depth)}- ${text}`,
};

/** The announcement of `incident` as it stands at `now` (milliseconds), in Markdown. */
export function announcement(incident: Incident, lang: AnnouncementLanguage, now: number): string {
  return composeAnnouncement(incident, lang, now, MARKDOWN_STYLE);
}

export function composeAnnouncement(
  incident: Incident,
  lang: AnnouncementLanguage,
  now: number,
  style: AnnouncementStyle,
): string {
  const words = ANNOUNCEMENT_WORDS[lang];
  const format = formatter(words);
  const v = (text: string) => style.value(text);
  const named = <Key extends string>(names: Record<Key, string>, key: Key) => names[key] ?? v(String(key));
  const time = (iso: string) => {
    const human = format.human(iso);
    return human === null ? v(iso) : `${human} (${v(iso)})`;
  };
  const labelled = (label: string, text: string) => `${style.bold(`${label}:`)} ${text}`;
  const field = (label: string, text: string) => style.item(labelled(label, text), 0);
  const end = incident.resolvedAt === null ? now : Date.parse(incident.resolvedAt);
  const duration = format.duration(end - Date.parse(incident.openedAt));
  const severity = v(incident.severity);
  const state = named(words.states, incident.state);

  const summary = [
    field(words.labels.start, time(incident.openedAt)),
    field(words.labels.duration, incident.resolvedAt === null ? words.ongoing(duration) : duration),
    field(words.labels.severity, `${severity}, ${named(words.severityMeaning, incident.severity)}`),
    ...severityBasis(incident, words, format, style),
    field(words.labels.state, state),
    field(words.labels.trigger, named(words.triggers, incident.trigger)),
    field(
      words.labels.types,
      list(
        incident.types.map((type) => named(words.types, type)),
        words,
      ),
    ),
    field(
      words.labels.providers,
      list(
        incident.providers.map((target) => targetName(target.provider, target.model, v)),
        words,
      ),
    ),
  ];
  // A paragraph, not an item: after the mitigations' list and a blank line, an item would join that list.
  const closing =
    incident.resolvedAt !== null
      ? labelled(words.labels.resolvedAt, time(incident.resolvedAt))
      : labelled(
          words.labels.nextUpdate,
          incident.nextUpdateAt === null ? words.notScheduled : time(incident.nextUpdateAt),
        );
  return `${[
    style.heading(words.title(severity, v(incident.id), state)),
    summary.join("\n"),
    style.bold(words.labels.impact),
    impactLines(incident, words, format, style).join("\n"),
    style.bold(words.labels.mitigations),
    mitigationLines(incident, words, format, style).join("\n"),
    ...recoveryBlock(incident, words, format, style),
    closing,
  ].join("\n\n")}\n`;
}

function list(items: string[], words: AnnouncementWords): string {
  return items.length === 0 ? words.none : items.join(", ");
}

function targetName(provider: string, model: string | undefined, value: (text: string) => string): string {
  return model === undefined ? value(provider) : `${value(provider)} (${value(model)})`;
}

/** The severity on each of its two readings, and both said plainly when the LLM is down but nothing was lost. */
function severityBasis(
  incident: Incident,
  words: AnnouncementWords,
  format: Formatter,
  style: AnnouncementStyle,
) {
  const { basis, impact } = incident;
  const rate = (share: number | null) => (share === null ? words.impact.unknown : format.rate(share));
  const reading = (
    say: AnnouncementWords["service"],
    severity: Severity | null,
    failed: number,
    total: number,
    share: number | null,
  ) => style.item(say(severity, format.count(failed), format.count(total), rate(share)), 1);
  const lines: string[] = [];
  if (basis.llmWanted > 0) {
    lines.push(reading(words.llmPath, basis.llm, basis.llmFailed, basis.llmWanted, basis.llmErrorRate));
  }
  if (basis.requests > 0) {
    lines.push(
      reading(words.service, basis.service, basis.serviceErrors, basis.requests, basis.serviceErrorRate),
    );
  }
  if (basis.llmP95Ms !== null) lines.push(style.item(words.llmP95(format.latency(basis.llmP95Ms)), 1));
  if (basis.llm === "P1" && impact.answersLost === 0 && impact.requests > 0) {
    lines.push(style.item(style.bold(words.allAnsweredByRules), 1));
  }
  return lines;
}

function impactLines(
  incident: Incident,
  words: AnnouncementWords,
  format: Formatter,
  style: AnnouncementStyle,
) {
  const { impact } = incident;
  const extra = (value: number | null) =>
    value === null ? words.impact.unknown : format.extraLatency(value);
  return [
    words.impact.requests(format.count(impact.requests), format.count(impact.llmWanted)),
    words.impact.answeredByRules(format.count(impact.answeredByRules)),
    words.impact.degraded(format.count(impact.degradedAnswers)),
    words.impact.lost(format.count(impact.answersLost), impact.answersLost === 0 && impact.requests > 0),
    words.impact.extraLatency(extra(impact.extraLatencyMs.mean), extra(impact.extraLatencyMs.p95)),
  ].map((line) => style.item(line, 0));
}

function mitigationLines(
  incident: Incident,
  words: AnnouncementWords,
  format: Formatter,
  style: AnnouncementStyle,
) {
  if (incident.mitigations.length === 0) return [style.item(words.none, 0)];
  return incident.mitigations.map((mitigation) => {
    const at = format.clock(mitigation.at, incident.openedAt) ?? style.value(mitigation.at);
    const { provider, model } = mitigation;
    const target = provider === undefined ? null : targetName(provider, model, style.value);
    const say = words.mitigation[mitigation.kind] ?? (() => style.value(mitigation.kind));
    return style.item(`${at}: ${say(target)}`, 0);
  });
}

function recoveryBlock(
  incident: Incident,
  words: AnnouncementWords,
  format: Formatter,
  style: AnnouncementStyle,
) {
  const report = incident.recovery;
  if (report === null) return [];
  const at = format.clock(report.at, incident.openedAt) ?? style.value(report.at);
  const heading = `${style.bold(`${words.labels.recovery}:`)} ${words.recovery.verdict(at, report.verdict === "passed")}`;
  const lines = report.providers.map((provider) =>
    style.item(providerRecovery(provider, words, format, style), 0),
  );
  return [[heading, ...lines].join("\n")];
}

function providerRecovery(
  provider: ProviderRecovery,
  words: AnnouncementWords,
  format: Formatter,
  style: AnnouncementStyle,
): string {
  const mark = (passed: boolean) => (passed ? "✓" : "✗");
  const or = (value: number | null, write: (value: number) => string) =>
    value === null ? words.recovery.noAnswer : write(value);
  const { latency, confidence, agreement, quota } = provider;
  const checks = [
    `${words.recovery.latency(or(latency.p95Ms, format.latency), format.latency(latency.limitMs))} ${mark(latency.passed)}`,
    `${words.recovery.confidence(or(confidence.mean, format.fraction), format.fraction(confidence.minimum))} ${mark(confidence.passed)}`,
    `${words.recovery.agreement(or(agreement.rate, format.rate), format.rate(agreement.minimum))} ${mark(agreement.passed)}`,
    quota.known && quota.remaining !== null
      ? `${words.recovery.quota(format.count(quota.remaining), format.count(quota.minimum))} ${mark(quota.passed)}`
      : words.recovery.quotaUnknown,
  ];
  const cases = words.recovery.cases(format.count(provider.answered), format.count(provider.cases));
  return `${targetName(provider.provider, provider.model, style.value)} ${mark(provider.passed)}: ${cases}; ${checks.join("; ")}`;
}
