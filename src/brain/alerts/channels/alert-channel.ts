import type { AlertMessage } from '../alert.js';

/** How one delivery ended, after every try. */
export type DeliveryOutcome =
  | { readonly ok: true; readonly attempts: number }
  | {
      readonly ok: false;
      readonly attempts: number;
      /** Why, fit for a log: `status 500`, `timeout`, `network ECONNREFUSED`. Never the address or a secret. */
      readonly reason: string;
    };

/** Where alerts go: a webhook, a chat. */
export interface AlertChannel {
  /** Unique among the channels; names the channel in stats and logs. */
  readonly name: string;
  /** Delivers one message. Resolves with the outcome; never rejects. */
  send(message: AlertMessage): Promise<DeliveryOutcome>;
}
