import type { Incident, SecurityEvent } from '../../core/index.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** What a model is shown of one event: what was asked, by whom, what was found and done. */
export function eventView(event: SecurityEvent) {
  return {
    time: iso(event.time),
    site: event.site,
    client: event.client.ip,
    userAgent: event.client.userAgent,
    method: event.request.method,
    host: event.request.host,
    path: event.request.path,
    action: event.verdict.action,
    reason: event.verdict.reason,
    score: event.verdict.score,
    status: event.response.status,
    findings: event.verdict.findings.slice(0, 5).map((f) => ({
      analyzer: f.analyzer,
      rule: f.rule,
      confidence: f.confidence,
      location: f.location,
      evidence: f.evidence,
    })),
    ...(event.labyrinthSession === undefined ? {} : { inLabyrinth: true }),
  };
}

/** What a model is shown of an incident. */
export function incidentView(incident: Incident) {
  return {
    title: incident.title,
    kind: incident.kind,
    severity: incident.severity,
    status: incident.status,
    site: incident.site,
    clients: incident.clients.slice(0, 50),
    clientCount: incident.clients.length,
    categories: incident.categories,
    ...(incident.campaign === null ? {} : { campaign: incident.campaign }),
    decisionsTaken: incident.decisions.length,
    eventCount: incident.eventCount,
    firstSeen: iso(incident.firstSeen),
    lastSeen: iso(incident.lastSeen),
  };
}
