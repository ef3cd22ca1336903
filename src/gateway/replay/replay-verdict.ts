import type { Config } from '../../config/index.js';
import type { Action, Decision, RequestSample } from '../../core/index.js';
import { createAddressSet, createDecisionTable, identifyClient } from '../../defend/index.js';
import {
  buildRequestView,
  compileExclusions,
  type Inspector,
  type JudgePolicy,
  judgeInspection,
  THRESHOLDS,
} from '../../inspect/index.js';
import { configuredDecisions } from '../gateway-snapshot.js';
import { createSiteRouter, matchRoute } from '../site-router.js';

/** What a sampled request gets when replayed. */
export interface ReplayedVerdict {
  readonly action: Action;
  /** `decision/ban`, `detector/sqli`, `no-site`, `inspect-off`... */
  readonly reason: string;
}

interface ReplaySite {
  readonly name: string;
  readonly hosts: readonly string[];
  readonly base: { readonly inspect: boolean; readonly judge: JudgePolicy };
  readonly routes: readonly {
    readonly path: string;
    readonly inspect: boolean;
    readonly judge: JudgePolicy;
  }[];
}

function sitesOf(config: Config): ReplaySite[] {
  const { inspect } = config;
  return config.sites.map((site) => {
    const judge: JudgePolicy = {
      sensitivity: inspect.sensitivity,
      mode: inspect.mode,
      overLimit: inspect.limits.overLimit,
      overBudget: inspect.overBudget,
    };
    return {
      name: site.name,
      hosts: site.hosts,
      base: { inspect: inspect.enabled, judge },
      routes: site.routes.map((route) => ({
        path: route.path,
        inspect: route.inspect?.enabled ?? inspect.enabled,
        judge: {
          ...judge,
          mode: route.inspect?.mode ?? judge.mode,
          sensitivity: route.inspect?.sensitivity ?? judge.sensitivity,
        },
      })),
    };
  });
}

/**
 * A replayer of sampled requests through one configuration and a set of standing decisions, offline: the
 * decisions, then the detection engine with the site's and route's policy and the exclusions, as the gateway
 * judges a request. What depends on the moment (rate limits, the maze, challenges) is left out.
 */
export function createReplayer(
  config: Config,
  inspector: Inspector,
  decisions: readonly Decision[],
): (sample: RequestSample) => ReplayedVerdict {
  const router = createSiteRouter(sitesOf(config));
  const table = createDecisionTable([...configuredDecisions(config), ...decisions]);
  const exclusions = compileExclusions(config.inspect.exclusions);
  // The sample holds the client address already resolved: no proxy to look through.
  const identity = {
    trustedProxies: createAddressSet([]).set,
    ipv6PrefixLength: config.defend.ipv6PrefixLength,
  };
  return (sample) => {
    const client = identifyClient(
      { remoteAddress: sample.ip, forwardedFor: undefined, userAgent: '' },
      identity,
    );
    const decision = table.match(client, sample.time);
    if (decision !== undefined)
      return {
        action: decision.action,
        reason: `decision/${decision.action === 'block' ? 'ban' : decision.action}`,
      };
    const site = router.match(sample.host);
    if (site === undefined) return { action: 'block', reason: 'no-site' };
    const rawHeaders = sample.headers.flat();
    const view = buildRequestView({
      id: sample.id,
      method: sample.method,
      target: sample.target,
      rawHeaders,
      httpVersion: sample.httpVersion,
      protocol: sample.protocol,
      body: sample.body === null ? undefined : Buffer.from(sample.body, 'base64'),
    });
    const route = matchRoute(site.routes, view.path) ?? site.base;
    if (!route.inspect) return { action: 'allow', reason: 'inspect-off' };
    const inspection = inspector.inspect(view, {
      decisiveScore: THRESHOLDS[route.judge.sensitivity],
      keep: (findings) => exclusions(findings, site.name, view.path),
    });
    const verdict = judgeInspection(inspection, route.judge);
    if (verdict === undefined) return { action: 'allow', reason: '' };
    return { action: verdict.action, reason: verdict.reason };
  };
}
