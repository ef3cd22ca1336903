import type { AlertRule } from '../alert-rule.js';
import { type AttackWaveOptions, createAttackWaveRule } from './attack-wave-rule.js';
import { type AuditChainBrokenOptions, createAuditChainBrokenRule } from './audit-chain-broken-rule.js';
import { type CanaryUsedOptions, createCanaryUsedRule } from './canary-used-rule.js';
import { createIncidentHighRule, type IncidentHighOptions } from './incident-high-rule.js';
import { createUpstreamDownRule, type UpstreamDownOptions } from './upstream-down-rule.js';

/** Rule factories by name; each validates its own options. */
export const ALERT_RULES = {
  'canary-used': createCanaryUsedRule,
  'attack-wave': createAttackWaveRule,
  'incident-high': createIncidentHighRule,
  'upstream-down': createUpstreamDownRule,
  'audit-chain-broken': createAuditChainBrokenRule,
} as const;

/** A rule name. */
export type AlertRuleName = keyof typeof ALERT_RULES;

/**
 * Which rules run and their options: a rule left out runs with its defaults, `false` turns it off.
 * Default: every rule, with its defaults.
 */
export interface AlertRulesConfig {
  readonly 'canary-used'?: Partial<CanaryUsedOptions> | false;
  readonly 'attack-wave'?: Partial<AttackWaveOptions> | false;
  readonly 'incident-high'?: Partial<IncidentHighOptions> | false;
  readonly 'upstream-down'?: Partial<UpstreamDownOptions> | false;
  readonly 'audit-chain-broken'?: Partial<AuditChainBrokenOptions> | false;
}

/**
 * Creates the rules a configuration turns on, in a fixed order; an unknown name is refused (TypeError).
 * @example createAlertRules({ 'attack-wave': { minAttacks: 300 }, 'upstream-down': false })
 */
export function createAlertRules(config: AlertRulesConfig = {}): AlertRule[] {
  for (const name of Object.keys(config))
    if (!Object.hasOwn(ALERT_RULES, name)) throw new TypeError(`brain.alerts: unknown rule ${name}`);
  const rules: AlertRule[] = [];
  const on = <T>(options: T | false | undefined, create: (o: T | undefined) => AlertRule) => {
    if (options !== false) rules.push(create(options));
  };
  on(config['canary-used'], ALERT_RULES['canary-used']);
  on(config['attack-wave'], ALERT_RULES['attack-wave']);
  on(config['incident-high'], ALERT_RULES['incident-high']);
  on(config['upstream-down'], ALERT_RULES['upstream-down']);
  on(config['audit-chain-broken'], ALERT_RULES['audit-chain-broken']);
  return rules;
}
