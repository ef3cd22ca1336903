import { type Incident, isPassThrough, type SecurityEvent } from '../../core/index.js';
import { categoryName } from './attack-categories.js';
import type { RecommendedAction } from './recommended-action.js';

const MAX_CLIENT_ACTIONS = 5;
const KIND_WORDS: Readonly<Record<Incident['kind'], string>> = {
  client: 'attack by one client',
  campaign: 'campaign from several clients',
  canary: 'labyrinth canary reuse',
  'credential-stuffing': 'credential-stuffing run',
  scan: 'scan',
};
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 120) return plural(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  return hours < 48 ? plural(hours, 'hour') : plural(Math.round(hours / 24), 'day');
}

function listed(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

function topCounts(values: readonly string[], max: number): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, max);
}

const isAttack = (e: SecurityEvent) => e.verdict.findings.length > 0;
const reached = (e: SecurityEvent) => isAttack(e) && isPassThrough(e.verdict.action);

function sentences(incident: Incident, events: readonly SecurityEvent[]): string[] {
  const clients =
    incident.clients.length > 0 ? incident.clients : [...new Set(events.map((e) => e.client.ip))];
  const out = [
    `${incident.severity[0]!.toUpperCase()}${incident.severity.slice(1)}-severity ${KIND_WORDS[incident.kind]} ` +
      `on site ${incident.site} ("${incident.title}"): ${plural(incident.eventCount, 'request')} from ` +
      `${plural(clients.length, 'client')} (${listed(clients, 3)}) over ` +
      `${duration(incident.lastSeen - incident.firstSeen)}, from ${new Date(incident.firstSeen).toISOString()} ` +
      `to ${new Date(incident.lastSeen).toISOString()}.`,
    incident.categories.length > 0
      ? `Attacks seen: ${incident.categories.map(categoryName).join(', ')}.`
      : 'No attack family was recorded.',
  ];
  if (events.length > 0) {
    const blocked = events.filter((e) => e.verdict.action === 'block').length;
    const passed = events.filter((e) => isPassThrough(e.verdict.action)).length;
    out.push(
      `Of ${plural(events.length, 'sampled request')}, ${blocked} were blocked, ${events.length - blocked - passed} ` +
        `were challenged, rate limited or trapped, and ${passed} reached the application.`,
    );
    const through = events.filter(reached);
    if (through.length > 0) {
      const paths = topCounts(
        through.map((e) => e.request.path),
        3,
      ).map(([p]) => p);
      out.push(
        `${plural(through.length, 'request')} with findings reached the application (${paths.join(', ')}).`,
      );
    }
    const top = topCounts(
      events.map((e) => e.request.path),
      3,
    );
    out.push(`Most targeted: ${top.map(([p, n]) => `${p} (${n})`).join(', ')}.`);
  }
  if (incident.status !== 'open') out.push(`The incident is ${incident.status}.`);
  return out;
}

function clientActions(incident: Incident, events: readonly SecurityEvent[]): RecommendedAction[] {
  const severe = incident.severity === 'high' || incident.severity === 'critical';
  const ranked = topCounts(
    events.filter(isAttack).map((e) => e.client.ip),
    MAX_CLIENT_ACTIONS,
  ).map(([ip]) => ip);
  const clients = ranked.length > 0 ? ranked : incident.clients.slice(0, MAX_CLIENT_ACTIONS);
  return clients.map((ip): RecommendedAction => {
    const own = events.filter((e) => e.client.ip === ip && isAttack(e));
    const families = [...new Set(own.flatMap((e) => e.verdict.findings.map((f) => f.analyzer)))];
    const through = own.filter((e) => isPassThrough(e.verdict.action)).length;
    if (families.length === 1 && families[0] === 'scanner')
      return {
        kind: 'labyrinth',
        target: ip,
        reason: 'scanner traffic: the labyrinth wastes its time and marks it',
      };
    const what = families.length > 0 ? families.map(categoryName).join(', ') : 'attack';
    if (through > 0 || severe) {
      const why =
        through > 0 ? `${plural(through, 'attack')} reached the application` : 'the incident is severe';
      return {
        kind: 'block',
        target: ip,
        reason: `sent ${plural(own.length, 'request')} of ${what}; ${why}`,
      };
    }
    return {
      kind: 'challenge',
      target: ip,
      reason: `sent ${what} that was stopped; a challenge costs real users little`,
    };
  });
}

/**
 * The account and actions a rule can give with no model: who, when, what, how it was answered, what got
 * through; then block or challenge the busiest clients, trap scanners, rate-limit a distributed campaign's
 * target, fix the paths attacks reached, review rules that only ever matched with low confidence.
 */
export function summarizeByRules(
  incident: Incident,
  events: readonly SecurityEvent[],
): { summary: string; recommendedActions: RecommendedAction[] } {
  const actions = clientActions(incident, events);
  const topPath = topCounts(
    events.map((e) => e.request.path),
    1,
  )[0]?.[0];
  if (incident.clients.length > MAX_CLIENT_ACTIONS && topPath !== undefined)
    actions.push({
      kind: 'ratelimit',
      target: topPath,
      reason: `${incident.clients.length} clients took part: a distributed campaign, most of it on this path`,
    });
  for (const [path] of topCounts(
    events.filter(reached).map((e) => e.request.path),
    3,
  ))
    actions.push({
      kind: 'fix-upstream',
      target: path,
      reason: 'an attack reached the application here: check it is not vulnerable',
    });
  const findings = events.flatMap((e) => e.verdict.findings);
  if (findings.length > 0 && Math.max(...findings.map((f) => f.confidence)) < 0.5) {
    const [rule] = topCounts(
      findings.map((f) => f.rule),
      1,
    )[0]!;
    actions.push({
      kind: 'review-rule',
      target: rule,
      reason: 'only low-confidence findings: check for false positives',
    });
  }
  if (actions.length === 0 && incident.clients[0] !== undefined)
    actions.push({ kind: 'watch', target: incident.clients[0], reason: 'no sample events to judge by yet' });
  return { summary: sentences(incident, events).join(' '), recommendedActions: actions };
}
