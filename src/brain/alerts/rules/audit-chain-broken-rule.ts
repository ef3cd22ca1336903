import type { AlertSeverity } from '../alert.js';
import { type AlertRule, NO_ALERTS } from '../alert-rule.js';
import { cleanText } from '../clean-text.js';
import { checkSeverity } from './check-option.js';

/** Options of the `audit-chain-broken` rule. */
export interface AuditChainBrokenOptions {
  /** Severity of its alerts. Default `critical`: the audit trail may have been tampered with. */
  readonly severity: AlertSeverity;
}

/** Defaults of the `audit-chain-broken` rule. */
export const AUDIT_CHAIN_BROKEN_DEFAULTS: AuditChainBrokenOptions = { severity: 'critical' };

/**
 * Raises an alert when a verification of the audit chain fails, grouped by the kind and place of the break:
 * the same break found by every periodic check is one alert per group window.
 * @example createAuditChainBrokenRule().observe({ kind: 'audit', check: await audit.verify() }, Date.now())
 */
export function createAuditChainBrokenRule(options: Partial<AuditChainBrokenOptions> = {}): AlertRule {
  const { severity } = { ...AUDIT_CHAIN_BROKEN_DEFAULTS, ...options };
  checkSeverity('audit-chain-broken', 'severity', severity);
  return {
    name: 'audit-chain-broken',
    observe(signal, now) {
      if (signal.kind !== 'audit' || signal.check.ok) return NO_ALERTS;
      const { problem, entries } = signal.check;
      const kind = cleanText(problem?.kind ?? 'unknown', 40);
      const seq = problem === undefined ? '-' : String(problem.seq);
      return [
        {
          rule: 'audit-chain-broken',
          severity,
          site: '',
          subject: `${kind}@${seq}`,
          time: now,
          title: 'The audit chain does not verify',
          facts: [
            { label: 'Problem', value: kind },
            { label: 'At entry', value: seq },
            { label: 'Entries verified before it', value: String(entries) },
            { label: 'Detail', value: cleanText(problem?.message ?? '-', 300) },
          ],
        },
      ];
    },
  };
}
