import { isPassThrough, type SecurityEvent } from '../../../core/index.js';
import type { ResolvedCorrelatorOptions } from './correlator-options.js';

/** What the correlator reads from one event. */
export interface EventTraits {
  /** The payload family of a hostile event (`scanner`, `sqli+xss`); undefined when it is not hostile. */
  readonly family: string | undefined;
  /** The analyzers of its findings sure enough to count. */
  readonly categories: readonly string[];
  /** A POST to a login form: refused (a wrong password, or stopped by the gateway) or let in. */
  readonly login: 'failure' | 'success' | undefined;
  /** The gateway held the client: refused by a ban, or kept in the maze. */
  readonly held: boolean;
  /** A hostile request that reached the upstream and was answered without an error. */
  readonly passed: boolean;
}

/** Reads the traits of an event. */
export function eventTraits(event: SecurityEvent, options: ResolvedCorrelatorOptions): EventTraits {
  const { verdict, request, response } = event;
  const sure = verdict.findings.filter((f) => f.confidence >= options.hostileConfidence);
  const categories = [...new Set(sure.map((f) => f.analyzer))].sort();
  const parts = options.campaignKey === 'rule' ? [...new Set(sure.map((f) => f.rule))].sort() : categories;
  const family = parts.length === 0 ? undefined : parts.join('+');
  let login: EventTraits['login'];
  if (request.method === 'POST' && options.loginPath.test(request.path)) {
    const refused = options.loginFailureStatuses.includes(response.status) || !isPassThrough(verdict.action);
    login = refused ? 'failure' : response.status < 400 ? 'success' : undefined;
  }
  const held =
    verdict.action === 'labyrinth' ||
    verdict.action === 'tarpit' ||
    (verdict.action === 'block' &&
      (verdict.reason.startsWith('decision/') || verdict.reason === 'canary/used'));
  const passed =
    family !== undefined &&
    isPassThrough(verdict.action) &&
    response.origin === 'upstream' &&
    response.status < 400;
  return { family, categories, login, held, passed };
}
