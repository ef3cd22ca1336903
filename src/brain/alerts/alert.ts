/** How urgent an alert is; a route may ask only for the ones at or above a level. */
export type AlertSeverity = 'info' | 'warning' | 'critical';

/** Severities in rising order, for comparisons. */
export const SEVERITY_RANK: Readonly<Record<AlertSeverity, number>> = { info: 0, warning: 1, critical: 2 };

/** One labelled fact of an alert; the value is already cleaned (see `cleanText`). */
export interface AlertFact {
  readonly label: string;
  readonly value: string;
}

/** What a rule raises: a value, built only from cleaned text, that channels format. */
export interface Alert {
  /** The rule that raised it: `canary-used`, `attack-wave`, `incident-high`, `upstream-down`, `audit-chain-broken`. */
  readonly rule: string;
  readonly severity: AlertSeverity;
  /** The site it is about; '' when it is about the whole gateway. */
  readonly site: string;
  /** The campaign, incident, intruder or outage it is about; '' when none. Part of the group key. */
  readonly subject: string;
  /** Epoch milliseconds of the signal that raised it. */
  readonly time: number;
  /** One line for people. */
  readonly title: string;
  readonly facts: readonly AlertFact[];
}

/** What a channel is asked to deliver: the first alert of a group, or the summary sent when it closes. */
export interface AlertMessage {
  /** `alert` for the first of its group, `summary` for the follow-up naming how many more were folded. */
  readonly kind: 'alert' | 'summary';
  readonly groupKey: string;
  /** The first alert of the group (`alert`), or the latest one folded into it (`summary`). */
  readonly alert: Alert;
  /** Alerts folded into the group after the first. */
  readonly more: number;
  /** Epoch milliseconds of the group's first and latest alerts. */
  readonly firstTime: number;
  readonly lastTime: number;
}

/**
 * The key alerts are grouped by: the rule, the site and the subject. Each part is URI-encoded, so that no site
 * or subject can make two groups share a key.
 * @example alertGroupKey({ rule: 'canary-used', site: 'shop', subject: '1a2b3c4d' }) // 'canary-used/shop/1a2b3c4d'
 */
export function alertGroupKey(alert: Pick<Alert, 'rule' | 'site' | 'subject'>): string {
  return `${encodeURIComponent(alert.rule)}/${encodeURIComponent(alert.site)}/${encodeURIComponent(alert.subject)}`;
}
