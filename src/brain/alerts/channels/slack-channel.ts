import type { AlertMessage, AlertSeverity } from '../alert.js';
import { cleanText } from '../clean-text.js';
import { isoTime } from '../iso-time.js';
import { messageHeadline } from '../message-headline.js';
import type { AlertChannel } from './alert-channel.js';
import { escapeSlack } from './escape-slack.js';
import { ALERT_HTTP_DEFAULTS, type AlertHttpOptions, checkHttpDelivery, postJson } from './post-json.js';

/** Options of a Slack-compatible incoming webhook channel. */
export interface SlackChannelOptions extends AlertHttpOptions {
  /** Names the channel in stats and logs. Default `slack`. */
  readonly name: string;
  /** The incoming webhook's address; http or https. Required. A secret in itself: never logged. */
  readonly url: string;
}

/** Defaults of a Slack channel (`url` has none). */
export const SLACK_CHANNEL_DEFAULTS: Omit<SlackChannelOptions, 'url'> = {
  ...ALERT_HTTP_DEFAULTS,
  name: 'slack',
};

const ICONS: Readonly<Record<AlertSeverity, string>> = {
  info: ':information_source:',
  warning: ':warning:',
  critical: ':rotating_light:',
};

// Slack refuses a field over 2,000 characters and a section over 3,000; escaping can make a character five.
const FIELD_MAX = 300;
const HEADLINE_MAX = 500;

/** The body Slack receives for a message: a plain `text` for notifications, and `blocks` to show. */
export function slackPayload(message: AlertMessage): object {
  const { alert } = message;
  const icon = ICONS[alert.severity] ?? '';
  const headline = escapeSlack(cleanText(messageHeadline(message), HEADLINE_MAX));
  const blocks: object[] = [{ type: 'section', text: { type: 'mrkdwn', text: `${icon} *${headline}*` } }];
  if (alert.facts.length > 0)
    blocks.push({
      type: 'section',
      fields: alert.facts.slice(0, 10).map((fact) => ({
        type: 'mrkdwn',
        text: `*${escapeSlack(cleanText(fact.label, 60))}*\n${escapeSlack(cleanText(fact.value, FIELD_MAX)) || '-'}`,
      })),
    });
  const where = alert.site === '' ? 'all sites' : escapeSlack(cleanText(alert.site, 100));
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `${escapeSlack(alert.rule)} · ${alert.severity} · ${where} · ${isoTime(alert.time) || '-'}`,
      },
    ],
  });
  return {
    text: `${icon} [${alert.severity}] ${headline}`,
    blocks,
    unfurl_links: false,
    unfurl_media: false,
  };
}

/**
 * A channel that POSTs each message to a Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat).
 * Everything interpolated is cleaned and escaped: attacker text shows as text, never as a link or mention.
 * @example createSlackChannel({ url: process.env.SLACK_WEBHOOK_URL! })
 */
export function createSlackChannel(
  options: Partial<SlackChannelOptions> & Pick<SlackChannelOptions, 'url'>,
): AlertChannel {
  const o = { ...SLACK_CHANNEL_DEFAULTS, ...options };
  const url = checkHttpDelivery(o.name, o.url, o);
  return {
    name: o.name,
    send: (message) => postJson(url, JSON.stringify(slackPayload(message)), {}, o),
  };
}
