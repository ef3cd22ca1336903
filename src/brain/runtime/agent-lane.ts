import type { Log } from '../../core/index.js';
import type { Agent, TopicMessage } from './agent.js';
import type { AgentFault, AgentHealth, AgentState } from './agent-health.js';
import { BoundedQueue } from './bounded-queue.js';
import { type RestartPolicy, restartAfter } from './restart-policy.js';

/** What a lane needs besides its agent. */
export interface AgentLaneOptions {
  readonly queueCapacity: number;
  readonly maxBatch: number;
  readonly callTimeoutMs: number;
  readonly restart: RestartPolicy;
  readonly now: () => number;
  readonly log: Log;
  /** Told once when the agent is stopped for good by its breaker. */
  readonly onBreak: (health: AgentHealth) => void;
}

const MAX_ERROR_CHARS = 500;

function faultOf(err: unknown, time: number): AgentFault {
  const message = err instanceof Error ? err.message : String(err);
  return { message: message.slice(0, MAX_ERROR_CHARS) || 'unknown error', time };
}

/** A promise of `work`, refused when it takes longer than `ms`. */
function within<R>(work: Promise<R>, ms: number, what: string): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * One agent's lane: its bounded queue, drained in turns of at most `maxBatch` messages on the event loop
 * (never on the publisher's stack), its counters and its supervision — a crash restarts it after a backoff,
 * too many crashes in the window stop it for good.
 */
export class AgentLane<T extends object> {
  readonly agent: Agent<T>;
  readonly #options: AgentLaneOptions;
  readonly #queue: BoundedQueue<TopicMessage<T>>;
  #state: AgentState = 'stopped';
  #stoppedReason: string | null = 'not started';
  #processed = 0;
  #failed = 0;
  #dropped = 0;
  #restarts = 0;
  #lastError: AgentFault | null = null;
  #crashes: number[] = [];
  #scheduled = false;
  #busy = false;
  #tickDue = false;
  #stopping = false;
  #tickTimer: NodeJS.Timeout | undefined;
  #restartTimer: NodeJS.Timeout | undefined;
  #idle: (() => void)[] = [];

  constructor(agent: Agent<T>, options: AgentLaneOptions) {
    this.agent = agent;
    this.#options = options;
    this.#queue = new BoundedQueue(options.queueCapacity);
  }

  get state(): AgentState {
    return this.#state;
  }

  /** Takes a message from the bus: O(1), never throws, never waits. A full queue drops it and counts. */
  offer(message: TopicMessage<T>): void {
    if (this.#state === 'stopped') return;
    if (!this.#queue.push(message)) {
      this.#dropped++;
      return;
    }
    this.#schedule();
  }

  /** Runs the agent's `start`, then its ticks; a `start` that throws is a crash like any other. */
  async start(): Promise<void> {
    if (this.#state !== 'stopped' || this.#stoppedReason !== 'not started') return;
    this.#state = 'starting';
    this.#stoppedReason = null;
    const { tickMs } = this.agent;
    if (tickMs !== undefined && this.agent.tick !== undefined) {
      this.#tickTimer = setInterval(() => this.requestTick(), tickMs);
      this.#tickTimer.unref();
    }
    if ((await this.#call(() => this.agent.start?.(), 'start')) && this.#state === 'starting') this.#run();
  }

  /** Asks for a tick between messages (the timer does this every `tickMs`); ticks pending are one. */
  requestTick(): void {
    if (this.agent.tick === undefined || this.#state === 'stopped') return;
    this.#tickDue = true;
    this.#schedule();
  }

  /** Lets what is queued be handled, then stops the agent; a lane that is restarting drops its queue. */
  async stop(reason: string): Promise<void> {
    if (this.#state === 'stopped') return;
    this.#stopping = true;
    this.#halt();
    if (this.#state === 'running') await this.whenIdle();
    const wasRunning = this.#state === 'running';
    this.#stopNow(reason);
    if (wasRunning) await this.#call(() => this.agent.stop?.(), 'stop', false);
  }

  /** Resolves once nothing is queued or being handled (or the lane is stopped). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  isIdle(): boolean {
    if (this.#state === 'stopped') return true;
    return (
      this.#state === 'running' && !this.#busy && !this.#scheduled && this.#queue.size === 0 && !this.#tickDue
    );
  }

  health(): AgentHealth {
    return {
      id: this.agent.id,
      state: this.#state,
      topics: this.agent.topics.map(String),
      queueDepth: this.#queue.size,
      queueCapacity: this.#queue.capacity,
      processed: this.#processed,
      failed: this.#failed,
      dropped: this.#dropped,
      restarts: this.#restarts,
      lastError: this.#lastError,
      stoppedReason: this.#stoppedReason,
    };
  }

  #schedule(): void {
    if (this.#scheduled || this.#busy || this.#state !== 'running') return;
    this.#scheduled = true;
    setImmediate(() => void this.#drain());
  }

  #run(): void {
    this.#state = 'running';
    this.#schedule();
    this.#settle();
  }

  async #drain(): Promise<void> {
    this.#scheduled = false;
    this.#busy = true;
    for (let turn = 0; turn < this.#options.maxBatch && this.#state === 'running'; turn++) {
      if (this.#tickDue) {
        this.#tickDue = false;
        await this.#call(() => this.agent.tick?.(this.#options.now()), 'tick');
        continue;
      }
      const message = this.#queue.shift();
      if (message === undefined) break;
      if (await this.#call(() => this.agent.handle(message), 'handle')) this.#processed++;
    }
    this.#busy = false;
    if (this.#queue.size > 0 || this.#tickDue) this.#schedule();
    this.#settle();
  }

  /** Runs one call of the agent; a throw or a timeout is a crash (unless `supervised` is off). */
  async #call(work: () => void | Promise<void>, what: string, supervised = true): Promise<boolean> {
    try {
      const result = work();
      if (result instanceof Promise) await within(result, this.#options.callTimeoutMs, what);
      return true;
    } catch (err) {
      if (supervised) this.#crash(err, what);
      else this.#options.log.warn({ agent: this.agent.id, err }, `brain: agent ${what} failed`);
      return false;
    }
  }

  #crash(err: unknown, what: string): void {
    const now = this.#options.now();
    this.#failed++;
    this.#lastError = faultOf(err, now);
    const { restart: policy, log } = this.#options;
    this.#crashes = this.#crashes.filter((time) => time > now - policy.windowMs);
    this.#crashes.push(now);
    const verdict = restartAfter(this.#crashes, policy);
    if (this.#stopping) {
      // Shutting down: no backoff to wait out, what is left of its queue is dropped.
      log.warn({ agent: this.agent.id, err, in: what }, 'brain: agent crashed while stopping');
      this.#stopNow('runtime stopped');
      return;
    }
    if (!verdict.restart) {
      const reason = `${verdict.reason}; last: ${this.#lastError.message}`;
      log.error({ agent: this.agent.id, err, reason }, 'brain: agent stopped for good');
      this.#halt();
      this.#stopNow(reason);
      // Its own stop gets a chance to save what it has; its failure changes nothing now.
      void this.#call(() => this.agent.stop?.(), 'stop', false);
      this.#options.onBreak(this.health());
      return;
    }
    log.warn(
      { agent: this.agent.id, err, in: what, restartInMs: verdict.delayMs },
      'brain: agent crashed; restarting',
    );
    this.#state = 'restarting';
    this.#restartTimer = setTimeout(() => void this.#restart(), verdict.delayMs);
    this.#restartTimer.unref();
  }

  async #restart(): Promise<void> {
    this.#restartTimer = undefined;
    if (this.#state !== 'restarting') return;
    this.#restarts++;
    await this.#call(() => this.agent.stop?.(), 'stop', false);
    if (this.#state !== 'restarting') return;
    if (await this.#call(() => this.agent.start?.(), 'start')) this.#run();
  }

  #halt(): void {
    clearInterval(this.#tickTimer);
    clearTimeout(this.#restartTimer);
    this.#tickTimer = undefined;
    this.#restartTimer = undefined;
  }

  #stopNow(reason: string): void {
    this.#state = 'stopped';
    this.#stoppedReason = reason;
    this.#tickDue = false;
    this.#dropped += this.#queue.clear();
    this.#settle();
  }

  #settle(): void {
    if (this.#idle.length === 0 || !this.isIdle()) return;
    const waiting = this.#idle;
    this.#idle = [];
    for (const resolve of waiting) resolve();
  }
}
