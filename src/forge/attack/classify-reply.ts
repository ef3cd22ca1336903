import type { Outcome } from './outcome.js';
import type { Reply } from './raw-exchange.js';
import type { ResponseHead } from './response-head.js';

/** The path a challenge page sends its answers to: a 403 naming it, or a redirect to it, is a challenge. */
export const CHALLENGE_MARK = '/.infinisec/challenge/';

// The gateway's own answers say their status and request id and nothing else.
const GATEWAY_ANSWER = /^\d{3} [^\n]*\nrequest id: /;

/** How a scenario reads answers. */
export interface ClassifyOptions {
  /**
   * For malformed or slow requests (smuggling, slowloris): a 400 from anyone, or a connection closed without
   * an answer, is the target refusing the request.
   */
  readonly refusalBlocks?: boolean;
}

/**
 * True when the head is a labyrinth page: every maze page, whatever its status and type, tells robots to
 * stay out with `X-Robots-Tag: noindex`, so that a good crawler that slips in indexes nothing.
 */
export function isMazeHead(head: ResponseHead): boolean {
  return /\bnoindex\b/i.test(head.headers['x-robots-tag'] ?? '');
}

/** True when the head alone decides the outcome: no need to wait for a body a tarpit drips. */
export function decidedByHead(head: ResponseHead): boolean {
  return isMazeHead(head) || head.status === 429;
}

/**
 * The outcome of one request, from the answer only (no secret, no look behind the gateway): a maze page is
 * `trapped`; 429 `rateLimited`; a challenge page or a redirect to one `challenged`; any other 403, or the
 * gateway's own plain 4xx answer (400, 408, 413, 431), `blocked`; no answer in time `timeout`; no answer,
 * a 5xx or a misdirected request `error`; anything else came from the application: `passed`.
 *
 * @example classifyReply(await exchange(endpoint, bytes, { timeoutMs: 5000 }))
 */
export function classifyReply(reply: Reply, options: ClassifyOptions = {}): Outcome {
  const { head } = reply;
  if (head === undefined) {
    if (reply.ending === 'timeout') return 'timeout';
    return reply.ending === 'closed' && options.refusalBlocks ? 'blocked' : 'error';
  }
  if (isMazeHead(head)) return 'trapped';
  const status = head.status;
  if (status === 429) return 'rateLimited';
  const body = reply.body.subarray(0, 4096).toString('utf8');
  const redirect = status >= 300 && status < 400 && (head.headers.location ?? '').includes(CHALLENGE_MARK);
  if (redirect || (status === 403 && body.includes(CHALLENGE_MARK))) return 'challenged';
  if (status === 403) return 'blocked';
  if (options.refusalBlocks && (status === 400 || status === 408)) return 'blocked';
  if (GATEWAY_ANSWER.test(body) && status >= 400) return status < 500 && status !== 421 ? 'blocked' : 'error';
  if (reply.ending === 'timeout') return 'timeout';
  return status >= 500 ? 'error' : 'passed';
}
