import type { AlertChannel } from './alert-channel.js';
import { createSlackChannel, type SlackChannelOptions } from './slack-channel.js';
import { createWebhookChannel, type WebhookChannelOptions } from './webhook-channel.js';

/** One channel as configuration names it: its type and that type's options (defaults fill the rest). */
export type AlertChannelConfig =
  | ({ readonly type: 'webhook' } & Partial<WebhookChannelOptions> & Pick<WebhookChannelOptions, 'url'>)
  | ({ readonly type: 'slack' } & Partial<SlackChannelOptions> & Pick<SlackChannelOptions, 'url'>);

/** Channel factories by type; each validates its own options. */
export const ALERT_CHANNELS = {
  webhook: createWebhookChannel,
  slack: createSlackChannel,
} as const;

/** A channel type. */
export type AlertChannelType = keyof typeof ALERT_CHANNELS;

/**
 * Creates the channel a configuration entry names; an unknown type or a bad option is refused (TypeError).
 * @example createAlertChannel({ type: 'slack', url: 'https://hooks.slack.com/services/…' })
 */
export function createAlertChannel(config: AlertChannelConfig): AlertChannel {
  switch (config.type) {
    case 'webhook': {
      const { type: _, ...options } = config;
      return ALERT_CHANNELS.webhook(options);
    }
    case 'slack': {
      const { type: _, ...options } = config;
      return ALERT_CHANNELS.slack(options);
    }
    default:
      throw new TypeError('brain.alerts: unknown channel type: use webhook or slack');
  }
}
