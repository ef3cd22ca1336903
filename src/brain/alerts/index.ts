export { type Alert, type AlertFact, type AlertMessage, type AlertSeverity, alertGroupKey } from './alert.js';
export { ALERT_GROUP_DEFAULTS, type AlertGroupOptions } from './alert-grouper.js';
export type { AlertRule } from './alert-rule.js';
export type { AlertSignal, AuditCheck } from './alert-signal.js';
export type { AlertChannelStats, AlertStats } from './alert-stats.js';
export type { AlertChannel, DeliveryOutcome } from './channels/alert-channel.js';
export {
  ALERT_CHANNELS,
  type AlertChannelConfig,
  type AlertChannelType,
  createAlertChannel,
} from './channels/alert-channel-registry.js';
export { ALERT_HTTP_DEFAULTS, type AlertHttpOptions } from './channels/post-json.js';
export {
  createSlackChannel,
  SLACK_CHANNEL_DEFAULTS,
  type SlackChannelOptions,
  slackPayload,
} from './channels/slack-channel.js';
export {
  createWebhookChannel,
  WEBHOOK_CHANNEL_DEFAULTS,
  type WebhookChannelOptions,
  webhookPayload,
  webhookSignature,
} from './channels/webhook-channel.js';
export {
  ALERTER_DEFAULTS,
  type Alerter,
  type AlerterDeps,
  type AlerterOptions,
  type AlertRoute,
  createAlerter,
} from './create-alerter.js';
export {
  ALERT_RULES,
  type AlertRuleName,
  type AlertRulesConfig,
  createAlertRules,
} from './rules/alert-rule-registry.js';
export {
  ATTACK_WAVE_DEFAULTS,
  type AttackWaveOptions,
  createAttackWaveRule,
} from './rules/attack-wave-rule.js';
export {
  AUDIT_CHAIN_BROKEN_DEFAULTS,
  type AuditChainBrokenOptions,
  createAuditChainBrokenRule,
} from './rules/audit-chain-broken-rule.js';
export {
  CANARY_USED_DEFAULTS,
  type CanaryUsedOptions,
  createCanaryUsedRule,
} from './rules/canary-used-rule.js';
export {
  createIncidentHighRule,
  INCIDENT_HIGH_DEFAULTS,
  type IncidentHighOptions,
} from './rules/incident-high-rule.js';
export {
  createUpstreamDownRule,
  UPSTREAM_DOWN_DEFAULTS,
  type UpstreamDownOptions,
} from './rules/upstream-down-rule.js';
export type { DeliveryRate } from './token-bucket.js';
