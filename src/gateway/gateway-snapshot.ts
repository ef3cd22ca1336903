import type { Config, SiteConfig } from '../config/index.js';
import type { Decision } from '../core/index.js';
import {
  type AddressSet,
  type Challenge,
  createAddressSet,
  createChallenge,
  createDecisionTable,
  type DecisionTable,
  type IdentityOptions,
  type Ladder,
  type RequestRateLimiter,
  type ScenarioEngine,
} from '../defend/index.js';
import {
  compileExclusions,
  type ExclusionFilter,
  type Inspector,
  type JudgePolicy,
} from '../inspect/index.js';
import { compileLabyrinth, type LabyrinthRuntime } from './labyrinth/labyrinth-runtime.js';
import type { LabyrinthState } from './labyrinth/labyrinth-state.js';
import { createSiteRouter, matchRoute, type SiteRouter } from './site-router.js';
import type { Upstream, UpstreamPools } from './upstream-pools.js';

/** What applies to one request path of a site, with overrides merged in. */
export interface CompiledRoute {
  readonly path: string;
  readonly upstream: Upstream;
  readonly maxBodyBytes: number;
  readonly inspectEnabled: boolean;
  /** How findings become an action here. */
  readonly judge: JudgePolicy;
}

/** A site ready to serve. */
export interface CompiledSite {
  readonly name: string;
  readonly hosts: readonly string[];
  resolve(path: string): CompiledRoute;
}

/** Everything a request needs from the configuration, compiled once and swapped whole on reload. */
export interface GatewaySnapshot {
  readonly version: number;
  readonly config: Config;
  readonly sites: SiteRouter<CompiledSite>;
  readonly trustedProxies: AddressSet;
  readonly identity: IdentityOptions;
  readonly decisions: DecisionTable;
  readonly inspector: Inspector;
  /** Bytes of a body read and inspected before it is forwarded. */
  readonly inspectBodyBytes: number;
  readonly exclusions: ExclusionFilter;
  /** The maze and its canaries, when `labyrinth.enabled`. */
  readonly labyrinth: LabyrinthRuntime | undefined;
  /** Trapped clients, held connections and run-time decisions: the same object in every snapshot. */
  readonly labyrinthState: LabyrinthState;
  /** The rate limits, kept across reloads while their rules stay the same. */
  readonly rateLimiter: RequestRateLimiter | undefined;
  /** The behaviour scenarios, likewise. */
  readonly scenarios: ScenarioEngine | undefined;
  /** The response ladder, likewise; undefined when off. */
  readonly ladder: Ladder | undefined;
  /** The proof-of-work challenge, keyed by the gateway's own key. */
  readonly challenge: Challenge;
}

/** Builds (or keeps) the stateful parts of defend for a configuration. */
export interface DefendBuilders {
  readonly rateLimiter: (config: Config) => RequestRateLimiter | undefined;
  readonly scenarios: (config: Config) => ScenarioEngine | undefined;
  readonly ladder: (config: Config) => Ladder | undefined;
}

const NO_DEFEND: DefendBuilders = {
  rateLimiter: () => undefined,
  scenarios: () => undefined,
  ladder: () => undefined,
};

function compileSite(site: SiteConfig, config: Config, pools: UpstreamPools): CompiledSite {
  const inspect = config.inspect;
  const base: CompiledRoute = {
    path: '/',
    upstream: pools.upstream(site.upstream),
    maxBodyBytes: config.server.limits.maxBodyBytes,
    inspectEnabled: inspect.enabled,
    judge: {
      sensitivity: inspect.sensitivity,
      mode: inspect.mode,
      overLimit: inspect.limits.overLimit,
      overBudget: inspect.overBudget,
    },
  };
  const routes: CompiledRoute[] = site.routes.map((route) => ({
    path: route.path,
    upstream: route.upstream ? pools.upstream(route.upstream) : base.upstream,
    maxBodyBytes: route.maxBodyBytes ?? base.maxBodyBytes,
    inspectEnabled: route.inspect?.enabled ?? base.inspectEnabled,
    judge: {
      ...base.judge,
      mode: route.inspect?.mode ?? base.judge.mode,
      sensitivity: route.inspect?.sensitivity ?? base.judge.sensitivity,
    },
  }));
  return {
    name: site.name,
    hosts: site.hosts,
    resolve: routes.length === 0 ? () => base : (path) => matchRoute(routes, path) ?? base,
  };
}

/** The standing decisions a configuration lists, as decisions. */
export function configuredDecisions(config: Config): Decision[] {
  return config.defend.decisions.map((d, i) => ({
    id: `config-${i}`,
    scope: d.scope,
    value: d.value,
    action: d.action,
    reason: d.reason,
    source: 'manual',
    created: 0,
    expires: null,
    createdBy: 'config',
  }));
}

/**
 * Compiles a validated configuration. Throws TypeError for values only a compile can check (a bad CIDR);
 * the caller then keeps the running snapshot.
 */
export function compileSnapshot(
  config: Config,
  version: number,
  pools: UpstreamPools,
  inspectorFor: (config: Config) => Inspector,
  labyrinthState: LabyrinthState,
  defendFor: DefendBuilders = NO_DEFEND,
): GatewaySnapshot {
  const { set: trustedProxies, invalid } = createAddressSet(config.server.trustedProxies);
  if (invalid.length > 0) {
    throw new TypeError(`server.trustedProxies: not an address or CIDR range: ${invalid.join(', ')}`);
  }
  return {
    version,
    config,
    sites: createSiteRouter(config.sites.map((site) => compileSite(site, config, pools))),
    trustedProxies,
    identity: { trustedProxies, ipv6PrefixLength: config.defend.ipv6PrefixLength },
    decisions: createDecisionTable(configuredDecisions(config)),
    inspector: inspectorFor(config),
    inspectBodyBytes: config.inspect.limits.maxBodyBytes,
    exclusions: compileExclusions(config.inspect.exclusions),
    labyrinth: compileLabyrinth(config, labyrinthState.fallbackSecret),
    labyrinthState,
    rateLimiter: defendFor.rateLimiter(config),
    scenarios: defendFor.scenarios(config),
    ladder: defendFor.ladder(config),
    challenge: createChallenge({ secret: labyrinthState.fallbackSecret, ...config.defend.challenge }),
  };
}
