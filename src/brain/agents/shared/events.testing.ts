import type { Finding, SecurityEvent } from '../../../core/index.js';

/** The fields a brain test sets on an event; the rest get plain values. */
export interface EventSpec {
  readonly id?: string;
  readonly time: number;
  readonly site?: string;
  readonly ip?: string;
  readonly prefix?: string;
  readonly fingerprint?: string;
  readonly userAgent?: string;
  readonly method?: string;
  readonly path?: string;
  readonly status?: number;
  /** `analyzer/rule` or `analyzer/rule@confidence` (0.9 when not given). */
  readonly findings?: readonly string[];
  readonly action?: SecurityEvent['verdict']['action'];
  readonly reason?: string;
  readonly labyrinthSession?: string;
}

let counter = 0;

/** A finding from `analyzer/rule@confidence`. */
export function findingOf(spec: string): Finding {
  const [rule, confidence] = spec.split('@') as [string, string | undefined];
  return {
    analyzer: rule.split('/')[0]!,
    rule,
    confidence: confidence === undefined ? 0.9 : Number(confidence),
    location: 'query.q',
    evidence: 'x',
    transforms: [],
  };
}

/** A complete security event for brain tests. */
export function eventOf(spec: EventSpec): SecurityEvent {
  const ip = spec.ip ?? '192.0.2.1';
  const findings = (spec.findings ?? []).map(findingOf);
  const action = spec.action ?? (findings.length > 0 ? 'block' : 'allow');
  return {
    id: spec.id ?? `e${++counter}`,
    time: spec.time,
    requestId: `r${counter}`,
    site: spec.site ?? 'shop',
    client: {
      ip,
      prefix: spec.prefix ?? ip,
      fingerprint: spec.fingerprint ?? `fp-${ip}`,
      userAgent: spec.userAgent ?? 'Mozilla/5.0',
    },
    request: {
      method: spec.method ?? 'GET',
      host: 'shop.example',
      path: spec.path ?? '/',
      bodyBytes: 0,
      headerBytes: 200,
    },
    verdict: {
      score: findings.length > 0 ? 0.9 : 0,
      findings,
      action,
      reason: spec.reason ?? (findings.length > 0 ? `detector/${findings[0]!.analyzer}` : 'default/allow'),
      publicReason: '',
    },
    response: {
      status: spec.status ?? (action === 'block' ? 403 : 200),
      bytes: 100,
      upstreamMs: action === 'allow' ? 2 : null,
      origin: action === 'allow' || action === 'log' ? 'upstream' : 'gateway',
    },
    timings: { totalMs: 1, inspectMs: 0.1 },
    ...(spec.labyrinthSession === undefined ? {} : { labyrinthSession: spec.labyrinthSession }),
  };
}

/** A seeded generator of numbers in [0, 1) (mulberry32), so that generated traffic is the same every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
