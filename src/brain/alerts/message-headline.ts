import type { AlertMessage } from './alert.js';
import { isoTime } from './iso-time.js';

/**
 * The one line a message is read by: the alert's title, and for a summary how many more the group folded.
 * @example messageHeadline(summary) // 'A decoy secret … was used on shop — and 9,999 more since 2025-01-01T10:00:00.000Z'
 */
export function messageHeadline(message: AlertMessage): string {
  const { alert } = message;
  if (message.kind === 'alert') return alert.title;
  return `${alert.title} — and ${message.more.toLocaleString('en-US')} more since ${isoTime(message.firstTime) || '-'}`;
}
