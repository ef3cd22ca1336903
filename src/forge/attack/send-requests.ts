import { type AttackRequest, describeRequest, serializeRequest } from './attack-request.js';
import { type ClassifyOptions, classifyReply, decidedByHead } from './classify-reply.js';
import type { Outcome } from './outcome.js';
import { exchange, type Reply } from './raw-exchange.js';
import type { ScenarioContext } from './scenario.js';

/** How requests are sent. */
export interface SendOptions {
  /** The client to send from: the scenario's own by default. */
  readonly client?: string | undefined;
  /** Body bytes kept (a crawler reads whole pages). */
  readonly maxBodyBytes?: number;
  readonly classify?: ClassifyOptions;
}

/** A request sent, with the answer and its outcome. */
export interface Sent {
  readonly reply: Reply;
  readonly outcome: Outcome;
}

/**
 * Sends one request (the caller has taken it from the budget), classifies the answer and records it. The
 * exchange stops at the head when the head decides (a maze page the tarpit would drip for minutes).
 */
export async function sendOne(
  ctx: ScenarioContext,
  request: AttackRequest,
  options: SendOptions = {},
): Promise<Sent> {
  const reply = await exchange(ctx.target.endpoint, serializeRequest(request, ctx.target.host), {
    localAddress: 'client' in options ? options.client : ctx.client,
    timeoutMs: ctx.requestTimeout(),
    stopAtHead: decidedByHead,
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
  });
  const outcome = classifyReply(reply, options.classify);
  ctx.record(outcome, reply.ms, { request: describeRequest(request), status: reply.head?.status ?? null });
  return { reply, outcome };
}

/**
 * Sends requests from `requests` (which may be endless) with `concurrency` in flight, until it ends or the
 * budget says stop. With `eachFromNewClient`, every request comes from a client of its own.
 */
export async function sendRequests(
  ctx: ScenarioContext,
  requests: Iterable<AttackRequest>,
  options: SendOptions & { readonly concurrency: number; readonly eachFromNewClient?: boolean },
): Promise<void> {
  const iterator = requests[Symbol.iterator]();
  const worker = async () => {
    for (;;) {
      const next = iterator.next();
      if (next.done || !ctx.take()) return;
      const client = options.eachFromNewClient ? { client: ctx.newClient() } : {};
      await sendOne(ctx, next.value, { ...options, ...client });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
}
