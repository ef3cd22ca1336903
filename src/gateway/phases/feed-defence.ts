import type { Action, Decision, EventBus, Topics } from '../../core/index.js';
import { identifyClient, type ScenarioOverflow } from '../../defend/index.js';
import type { GatewaySnapshot } from '../gateway-snapshot.js';
import type { RequestContext } from '../request-context.js';
import { targetPath } from '../target-path.js';

// Standing orders that end the matter: an allowed client is never judged, a blocked one has nothing left.
const FINAL: ReadonlySet<Action> = new Set(['allow', 'block']);
// A finding this strong is an attack on its own, whatever the route's sensitivity.
const DECISIVE = 0.9;

function add(snapshot: GatewaySnapshot, bus: EventBus<Topics>, decision: Decision): void {
  const decisions = snapshot.labyrinthState.decisions;
  // Expired decisions only cost memory: sweep them now and then, as new ones come.
  if (decisions.size > 1024) decisions.prune(decision.created);
  decisions.add(decision);
  bus.publish('decision.made', decision);
}

/** One ladder decision per client: a higher rung replaces the one it held. */
function ladderDecision(prefix: string, action: Action, now: number, durationMs: number): Decision {
  return {
    id: `ladder-${prefix}`,
    scope: prefix.includes('/') ? 'cidr' : 'ip',
    value: prefix,
    action,
    reason: `ladder/${action}`,
    source: 'agent',
    created: now,
    expires: now + durationMs,
    createdBy: 'defend',
  };
}

/**
 * After the answer: counts the request in the behaviour scenarios and, with the ladder on, turns what the
 * client did (an overflow, an attack, a request over a rate limit) into risk. An overflow without the ladder,
 * or a rung reached with it, becomes a decision about the client (its address, or its IPv6 prefix as a
 * range), looked up from its next request on. A client under an allow or a block feeds nothing.
 */
export function feedDefence(ctx: RequestContext, bus: EventBus<Topics>): void {
  const { snapshot } = ctx;
  if (ctx.decision !== undefined && FINAL.has(ctx.decision.action)) return;
  const engine = snapshot.scenarios;
  const now = Date.now();
  let risk = 0;
  if (engine !== undefined) {
    const overflows = engine.observe(
      {
        path: targetPath(ctx.req.url ?? '/'),
        method: ctx.req.method ?? 'GET',
        status: ctx.res.headersSent ? ctx.res.statusCode : 499,
        analyzers: ctx.findings.length === 0 ? [] : [...new Set(ctx.findings.map((f) => f.analyzer))],
        ip: ctx.client.ip,
        prefix: ctx.client.prefix,
      },
      now,
    );
    risk = settleOverflows(snapshot, bus, overflows, now, ctx.requestId);
  }
  if (snapshot.ladder === undefined) return;
  const options = snapshot.config.defend.ladder;
  const verdict = ctx.verdict;
  const attacked =
    (verdict.reason.startsWith('detector/') && verdict.action !== 'allow' && verdict.action !== 'log') ||
    // In the maze the verdict is the maze's, but attacks sent there still count: they lead on to a block.
    (ctx.intruder !== undefined && ctx.findings.some((f) => f.confidence >= DECISIVE));
  if (attacked) risk += options.findingRisk;
  if (verdict.action === 'ratelimit') risk += options.rateLimitRisk;
  // A crawler that ignored robots.txt and followed a trap link: counted once, as its maze session opens.
  if (verdict.reason === 'labyrinth/trap-link' && ctx.intruder?.pages === 0) risk += options.trapLinkRisk;
  if (verdict.reason === 'canary/used') risk += options.canaryRisk;
  climb(snapshot, bus, ctx.client.prefix, risk, now);
}

/**
 * A connection the server answered itself (408 for a client too slow to send its head, 400 for one that
 * cannot speak HTTP): it counts in the scenarios under its status, keyed by the socket's address — unless
 * that is a trusted proxy, which speaks for many clients.
 */
export function feedClientError(
  snapshot: GatewaySnapshot,
  bus: EventBus<Topics>,
  address: string,
  status: number,
): void {
  const engine = snapshot.scenarios;
  if (engine === undefined || address === '' || snapshot.trustedProxies.has(address)) return;
  const client = identifyClient(
    { remoteAddress: address, forwardedFor: undefined, userAgent: '' },
    snapshot.identity,
  );
  const now = Date.now();
  if (FINAL.has(snapshot.decisions.match(client, now)?.action ?? 'log')) return;
  const overflows = engine.observe(
    { path: '', method: '', status, analyzers: [], ip: client.ip, prefix: client.prefix },
    now,
  );
  const risk = settleOverflows(snapshot, bus, overflows, now, `${now}-${client.prefix}`);
  climb(snapshot, bus, client.prefix, risk, now);
}

/**
 * Without the ladder, each overflow is a decision of its own (`tag` keeps their ids apart); with it, the
 * overflows only add risk, returned for the caller to climb with.
 */
function settleOverflows(
  snapshot: GatewaySnapshot,
  bus: EventBus<Topics>,
  overflows: readonly ScenarioOverflow[],
  now: number,
  tag: string,
): number {
  let risk = 0;
  for (const overflow of overflows) {
    if (snapshot.ladder !== undefined) {
      risk += overflow.scenario.risk ?? 0;
      continue;
    }
    add(snapshot, bus, {
      id: `scenario-${overflow.scenario.name}-${tag}`,
      scope: overflow.scope,
      value: overflow.value,
      action: overflow.action,
      reason: `scenario/${overflow.scenario.name}`,
      source: 'agent',
      created: now,
      expires: now + overflow.durationMs,
      createdBy: 'defend',
    });
  }
  return risk;
}

/** Adds risk to a client on the ladder; a rung newly reached becomes its decision. */
function climb(
  snapshot: GatewaySnapshot,
  bus: EventBus<Topics>,
  prefix: string,
  risk: number,
  now: number,
): void {
  if (snapshot.ladder === undefined || risk === 0) return;
  const reached = snapshot.ladder.signal(prefix, risk, now);
  if (reached !== undefined)
    add(snapshot, bus, ladderDecision(prefix, reached.step.action, now, reached.durationMs));
}
