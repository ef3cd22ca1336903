import { type Alert, type AlertMessage, alertGroupKey } from './alert.js';

/** How alerts are grouped. */
export interface AlertGroupOptions {
  /** How long a group stays open after its first alert, milliseconds. Default 600,000 (10 minutes). */
  readonly windowMs: number;
  /** Groups open at most; past it the oldest is closed early. Default 10,000. */
  readonly maxGroups: number;
}

/** Defaults of alert grouping. */
export const ALERT_GROUP_DEFAULTS: AlertGroupOptions = { windowMs: 600_000, maxGroups: 10_000 };

interface Group {
  readonly key: string;
  readonly first: Alert;
  readonly opened: number;
  last: Alert;
  more: number;
}

/**
 * Folds alerts of one group key within a window: the first is handed to `send` as an `alert` message, later
 * ones only count; when the group closes with something folded, a `summary` message names how many more.
 * Groups close in the order they opened (one window each), so closing is O(1) per group.
 * @example const grouper = new AlertGrouper(ALERT_GROUP_DEFAULTS, deliver); grouper.admit(alert, Date.now());
 */
export class AlertGrouper {
  readonly #groups = new Map<string, Group>();
  readonly #options: AlertGroupOptions;
  readonly #send: (message: AlertMessage) => void;

  constructor(options: AlertGroupOptions, send: (message: AlertMessage) => void) {
    if (!(options.windowMs >= 0) || !(options.maxGroups >= 1))
      throw new TypeError('brain.alerts: the group window must be at least 0 and maxGroups at least 1');
    this.#options = options;
    this.#send = send;
  }

  /** Groups open now. */
  get size(): number {
    return this.#groups.size;
  }

  /** Takes one alert at `now`: true when it opened a group (and was sent), false when it was folded. */
  admit(alert: Alert, now: number): boolean {
    this.expire(now);
    const key = alertGroupKey(alert);
    const group = this.#groups.get(key);
    if (group !== undefined) {
      group.more++;
      group.last = alert;
      return false;
    }
    if (this.#groups.size >= this.#options.maxGroups) this.#close(this.#groups.values().next().value!);
    this.#groups.set(key, { key, first: alert, opened: now, last: alert, more: 0 });
    this.#send({ kind: 'alert', groupKey: key, alert, more: 0, firstTime: alert.time, lastTime: alert.time });
    return true;
  }

  /** Closes the groups whose window is over at `now`. */
  expire(now: number): void {
    for (const group of this.#groups.values()) {
      if (now - group.opened < this.#options.windowMs) return;
      this.#close(group);
    }
  }

  /** Closes every group, as at shutdown. */
  closeAll(): void {
    for (const group of this.#groups.values()) this.#close(group);
  }

  #close(group: Group): void {
    this.#groups.delete(group.key);
    if (group.more === 0) return;
    this.#send({
      kind: 'summary',
      groupKey: group.key,
      alert: group.last,
      more: group.more,
      firstTime: group.first.time,
      lastTime: group.last.time,
    });
  }
}
