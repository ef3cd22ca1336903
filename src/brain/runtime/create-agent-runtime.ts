import { type EventBus, type Log, SILENT_LOG, type Topics } from '../../core/index.js';
import type { Agent, TopicMessage } from './agent.js';
import type { AgentHealth, AgentRuntimeMetrics } from './agent-health.js';
import { AgentLane } from './agent-lane.js';
import { DEFAULT_RESTART_POLICY, type RestartPolicy } from './restart-policy.js';

/** How the runtime runs its agents; every field has a default. */
export interface AgentRuntimeOptions {
  /** Messages waiting per agent before new ones are dropped (and counted); default 10,000. */
  readonly queueCapacity?: number;
  /** Messages an agent handles in one turn of the event loop before others get theirs; default 256. */
  readonly maxBatch?: number;
  /** An asynchronous handle, tick, start or stop that takes longer is a crash; default 30,000 ms. */
  readonly callTimeoutMs?: number;
  /** Restart backoff and breaker; see {@link DEFAULT_RESTART_POLICY}. */
  readonly restart?: Partial<RestartPolicy>;
  /** Default `Date.now`. */
  readonly now?: () => number;
  /** Default silent. */
  readonly log?: Log;
  /** Told when an agent is stopped for good, with its health (the reason in `stoppedReason`). */
  readonly onAgentStopped?: (health: AgentHealth) => void;
}

/** The running agents of one process. */
export interface AgentRuntime {
  /** Subscribes every agent to its topics and starts it; resolves when every `start` has run. */
  start(): Promise<void>;
  /** Unsubscribes, lets the agents handle what is queued, then stops them. */
  stop(): Promise<void>;
  /** Resolves once no agent has anything queued or in hand (agents that publish to others included). */
  idle(): Promise<void>;
  /** Runs each agent's tick (or one agent's) between its messages, without waiting for its timer. */
  tick(id?: string): void;
  health(): AgentHealth[];
  metrics(): AgentRuntimeMetrics;
}

/**
 * The agent runtime: a dispatcher from the event bus to one bounded queue per agent, drained asynchronously
 * off the publisher's stack (a publish costs a queue push per agent, and an agent can neither slow nor break
 * it), with per-agent health and a supervisor that restarts crashing agents and stops crash loops.
 *
 * @example
 * const runtime = createAgentRuntime(bus, [correlator, responder], { log });
 * await runtime.start();
 * bus.publish('security.event', event); // returns at once; the agents see it on a later turn
 */
export function createAgentRuntime<T extends object = Topics>(
  bus: EventBus<T>,
  agents: readonly Agent<T>[],
  options: AgentRuntimeOptions = {},
): AgentRuntime {
  const now = options.now ?? Date.now;
  const log = options.log ?? SILENT_LOG;
  const restart: RestartPolicy = { ...DEFAULT_RESTART_POLICY, ...options.restart };
  const unsubscribe = new Map<string, (() => void)[]>();
  const drop = (id: string) => {
    for (const off of unsubscribe.get(id) ?? []) off();
    unsubscribe.delete(id);
  };
  const lanes: AgentLane<T>[] = [];
  for (const agent of agents) {
    if (lanes.some((lane) => lane.agent.id === agent.id))
      throw new TypeError(`brain: two agents are named "${agent.id}"`);
    lanes.push(
      new AgentLane(agent, {
        queueCapacity: options.queueCapacity ?? 10_000,
        maxBatch: options.maxBatch ?? 256,
        callTimeoutMs: options.callTimeoutMs ?? 30_000,
        restart,
        now,
        log,
        onBreak(health) {
          drop(health.id);
          options.onAgentStopped?.(health);
        },
      }),
    );
  }
  let started = false;

  const runtime: AgentRuntime = {
    async start() {
      if (started) return;
      started = true;
      // Subscribed before `start` runs, so that what is published while an agent loads its state waits for it.
      for (const lane of lanes) {
        const { accepts } = lane.agent;
        const offs = lane.agent.topics.map((topic) =>
          bus.subscribe(topic, (payload) => {
            const message = { topic, payload } as TopicMessage<T>;
            // The filter runs on the publisher's stack: it must be cheap, and a fault in it only skips.
            if (accepts !== undefined) {
              try {
                if (!accepts(message)) return;
              } catch {
                return;
              }
            }
            lane.offer(message);
          }),
        );
        unsubscribe.set(lane.agent.id, offs);
      }
      await Promise.all(lanes.map((lane) => lane.start()));
    },
    async stop() {
      for (const lane of lanes) drop(lane.agent.id);
      await Promise.all(lanes.map((lane) => lane.stop('runtime stopped')));
    },
    async idle() {
      // One agent's message may publish to another: wait until a pass finds every lane idle at once.
      while (!lanes.every((lane) => lane.isIdle())) await Promise.all(lanes.map((lane) => lane.whenIdle()));
    },
    tick(id) {
      for (const lane of lanes) if (id === undefined || lane.agent.id === id) lane.requestTick();
    },
    health: () => lanes.map((lane) => lane.health()),
    metrics() {
      const agentsHealth = runtime.health();
      const sum = (pick: (h: AgentHealth) => number) => agentsHealth.reduce((n, h) => n + pick(h), 0);
      const count = (state: AgentHealth['state']) => agentsHealth.filter((h) => h.state === state).length;
      return {
        time: now(),
        agents: agentsHealth,
        totals: {
          processed: sum((h) => h.processed),
          failed: sum((h) => h.failed),
          dropped: sum((h) => h.dropped),
          restarts: sum((h) => h.restarts),
          queued: sum((h) => h.queueDepth),
          running: count('running'),
          restarting: count('restarting'),
          stopped: count('stopped'),
        },
      };
    },
  };
  return runtime;
}
