import type { Action, SecurityEvent } from '../core/index.js';

/** The fields of a test event that the event store filters and counts on. */
export interface EventShape {
  readonly id: string;
  readonly time: number;
  readonly site?: string;
  readonly ip?: string;
  readonly action?: Action;
  /** One finding per entry, by analyzer name. */
  readonly analyzers?: readonly string[];
  readonly path?: string;
  readonly totalMs?: number;
}

/** A complete security event for store tests; every field set, the optional ones too. */
export function securityEvent(shape: EventShape): SecurityEvent {
  const ip = shape.ip ?? '192.0.2.1';
  const analyzers = shape.analyzers ?? [];
  return {
    id: shape.id,
    time: shape.time,
    requestId: `req-${shape.id}`,
    site: shape.site ?? 'shop',
    client: { ip, prefix: ip, fingerprint: 'fp-1', userAgent: 'curl/8.5' },
    request: {
      method: 'POST',
      host: 'shop.example',
      path: shape.path ?? '/',
      bodyBytes: 12,
      headerBytes: 240,
    },
    verdict: {
      score: analyzers.length > 0 ? 0.9 : 0,
      findings: analyzers.map((analyzer, i) => ({
        analyzer,
        rule: `${analyzer}/rule-${i}`,
        confidence: 0.75,
        location: 'query.q',
        evidence: "' or 1=1",
        transforms: ['url-decode', 'lowercase'],
      })),
      action: shape.action ?? 'allow',
      reason: analyzers.length > 0 ? `detector/${analyzers[0]}` : 'default/allow',
      publicReason: '',
    },
    response: { status: 200, bytes: 512, upstreamMs: 3.5, origin: 'upstream' },
    timings: { totalMs: shape.totalMs ?? 1, inspectMs: 0.25 },
  };
}
