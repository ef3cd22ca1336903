import type { SecurityEvent } from '../../core/index.js';

// Reasons that say nothing more than "it went through".
const PLAIN = new Set(['default/allow', 'detector/below-threshold']);

function what(event: SecurityEvent): string {
  const status = event.response.status;
  if (event.response.origin === 'upstream') return `${status} from the shop`;
  switch (event.verdict.action) {
    case 'labyrinth':
    case 'tarpit':
      return `maze page, ${status}`;
    case 'challenge':
      return `challenge page, ${status}`;
    case 'ratelimit':
      return `rate limited, ${status}`;
    case 'block':
      return `blocked, ${status}`;
    default:
      return `${status} from the gateway`;
  }
}

/**
 * What the gateway did with a request, in a few words, from its security event (or only the status when no
 * event was found): `maze page, 200 (detector/scanner)`, `401 from the shop`.
 * @example describeAnswer(event, 403) // 'blocked, 403 (canary/used)'
 */
export function describeAnswer(event: SecurityEvent | undefined, status: number): string {
  if (event === undefined) return `${status} (no event recorded)`;
  const reason = event.verdict.reason;
  return PLAIN.has(reason) ? what(event) : `${what(event)} (${reason})`;
}
