import type { Action, Finding, Incident, SecurityEvent } from '../../core/index.js';

/** A fixed clock for the analyst's tests: 14 May 2025, 15:30 UTC. */
export const NOW = Date.UTC(2025, 4, 14, 15, 30);

/** The fields of a test event that matter to the analyst. */
export interface EventSpec {
  readonly id: string;
  readonly ip?: string;
  readonly userAgent?: string;
  readonly path?: string;
  readonly action?: Action;
  readonly time?: number;
  readonly findings?: readonly Partial<Finding>[];
}

/** A complete security event with the given fields. */
export function testEvent(spec: EventSpec): SecurityEvent {
  const findings = (spec.findings ?? []).map((f) => ({
    analyzer: 'sqli',
    rule: 'sqli/tautology',
    confidence: 0.9,
    location: 'query.id',
    evidence: "' or 1=1",
    transforms: ['url-decode'],
    ...f,
  }));
  const action = spec.action ?? (findings.length > 0 ? 'block' : 'allow');
  return {
    id: spec.id,
    time: spec.time ?? NOW - 60_000,
    requestId: `req-${spec.id}`,
    site: 'shop',
    client: {
      ip: spec.ip ?? '203.0.113.7',
      prefix: spec.ip ?? '203.0.113.7',
      fingerprint: 'fp-1',
      userAgent: spec.userAgent ?? 'sqlmap/1.8',
    },
    request: {
      method: 'GET',
      host: 'shop.example',
      path: spec.path ?? '/login',
      bodyBytes: 0,
      headerBytes: 300,
    },
    verdict: {
      score: findings.length > 0 ? 0.9 : 0,
      findings,
      action,
      reason: findings.length > 0 ? `detector/${findings[0]!.analyzer}` : 'default/allow',
      publicReason: '',
    },
    response: { status: action === 'block' ? 403 : 200, bytes: 100, upstreamMs: null, origin: 'gateway' },
    timings: { totalMs: 1, inspectMs: 0.1 },
  };
}

/** An incident on site `shop` with the given fields. */
export function testIncident(fields: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-1',
    title: 'SQL injection against /login',
    kind: 'client',
    severity: 'high',
    status: 'open',
    site: 'shop',
    clients: ['203.0.113.7'],
    fingerprints: ['fp-1'],
    categories: ['sqli'],
    events: ['e1', 'e2'],
    eventCount: 2,
    decisions: [],
    campaign: null,
    firstSeen: NOW - 600_000,
    lastSeen: NOW - 60_000,
    summary: '',
    ...fields,
  };
}
