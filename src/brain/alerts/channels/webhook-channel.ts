import { createHmac } from 'node:crypto';
import type { AlertMessage } from '../alert.js';
import { isoTime } from '../iso-time.js';
import { messageHeadline } from '../message-headline.js';
import type { AlertChannel } from './alert-channel.js';
import { ALERT_HTTP_DEFAULTS, type AlertHttpOptions, checkHttpDelivery, postJson } from './post-json.js';

/** Options of a JSON webhook channel. */
export interface WebhookChannelOptions extends AlertHttpOptions {
  /** Names the channel in stats and logs. Default `webhook`. */
  readonly name: string;
  /** Where to POST; http or https. Required. Never logged. */
  readonly url: string;
  /** Shared secret: when set, each request carries an HMAC-SHA256 of its exact body. Default none. */
  readonly secret?: string;
  /** Header carrying the signature, as `sha256=<hex>`. Default `x-infinisec-signature`. */
  readonly signatureHeader: string;
  /** Extra headers sent with each request (an `authorization`, say). Default none. Never logged. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Defaults of a webhook channel (`url` has none). */
export const WEBHOOK_CHANNEL_DEFAULTS: Omit<WebhookChannelOptions, 'url'> = {
  ...ALERT_HTTP_DEFAULTS,
  name: 'webhook',
  signatureHeader: 'x-infinisec-signature',
  headers: {},
};

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The JSON body a webhook receives for a message. */
export function webhookPayload(message: AlertMessage): object {
  const { alert } = message;
  return {
    source: 'infinisec',
    kind: message.kind,
    rule: alert.rule,
    severity: alert.severity,
    site: alert.site,
    subject: alert.subject,
    groupKey: message.groupKey,
    title: alert.title,
    text: messageHeadline(message),
    facts: alert.facts,
    more: message.more,
    time: isoTime(alert.time),
    firstTime: isoTime(message.firstTime),
    lastTime: isoTime(message.lastTime),
  };
}

/**
 * The signature header's value for a body: `sha256=` and the hex HMAC-SHA256 of its bytes under the secret.
 * A receiver computes the same over the raw body it read and compares in constant time.
 * @example webhookSignature('{"a":1}', 'shared secret') // 'sha256=…'
 */
export function webhookSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * A channel that POSTs each message as JSON (see `webhookPayload`), signed when it has a secret.
 * @example createWebhookChannel({ url: 'https://hooks.example/infinisec', secret: process.env.HOOK_SECRET })
 */
export function createWebhookChannel(
  options: Partial<WebhookChannelOptions> & Pick<WebhookChannelOptions, 'url'>,
): AlertChannel {
  const o = { ...WEBHOOK_CHANNEL_DEFAULTS, ...options };
  const url = checkHttpDelivery(o.name, o.url, o);
  for (const name of [o.signatureHeader, ...Object.keys(o.headers)])
    if (!TOKEN.test(name)) throw new TypeError(`brain.alerts: channel ${o.name}: a header name is not valid`);
  if (o.secret !== undefined && o.secret.length === 0)
    throw new TypeError(`brain.alerts: channel ${o.name}: secret must not be empty`);
  return {
    name: o.name,
    send(message) {
      const body = JSON.stringify(webhookPayload(message));
      const headers: Record<string, string> = { ...o.headers };
      if (o.secret !== undefined) headers[o.signatureHeader.toLowerCase()] = webhookSignature(body, o.secret);
      return postJson(url, body, headers, o);
    },
  };
}
