import type { CanaryKind, TrapStrategyName } from '../../labyrinth/index.js';
import type { RequestContext } from '../request-context.js';

// A login form or a JSON document is small; the maze reads no more of a body than this.
const BODY_CHARS = 16_384;

function bodyText(ctx: RequestContext): string | undefined {
  const prefix = ctx.bodyPrefix;
  if (prefix === undefined || prefix.bytes === 0) return undefined;
  return Buffer.concat(prefix.chunks as Buffer[])
    .subarray(0, BODY_CHARS)
    .toString('utf8');
}

/**
 * act for `labyrinth` and `tarpit`: answers with the maze page for the request, through the tarpit when it
 * drips (always for `tarpit`), and records what the page cost the intruder's session.
 */
export function serveMaze(ctx: RequestContext): void {
  const { req, res, snapshot } = ctx;
  const runtime = snapshot.labyrinth;
  const session = ctx.intruder;
  const state = snapshot.labyrinthState;
  if (runtime === undefined || session === undefined || ctx.site === undefined) {
    res.destroy();
    return;
  }
  let minted = 0;
  const mintFor = runtime.canaries.mintFor(session.id);
  const mint = (kind: CanaryKind, slot: string): string => {
    minted++;
    return mintFor(kind, slot);
  };
  const text = bodyText(ctx);
  const page = runtime.maze.page({
    site: ctx.site.name,
    target: req.url ?? '/',
    method: req.method ?? 'GET',
    strategy: session.strategy as TrapStrategyName,
    mint,
    ...(text !== undefined ? { body: text } : {}),
  });
  const body = page.body;
  const bytes = Buffer.byteLength(body);
  ctx.origin = 'gateway';
  // What the client did not send yet is read and dropped: the maze answers whatever it was.
  if (!req.complete) req.resume();
  const head = {
    ...page.headers,
    'content-type': page.contentType,
    'content-length': bytes,
    'cache-control': 'no-store',
    [snapshot.config.server.requestIdHeader]: ctx.requestId,
  };
  const served = state.sessions.served(session.id, { depth: page.depth, bytes, canaries: minted }, ctx.time);
  if (served !== undefined) state.bus.publish('labyrinth.session', served);
  // A held client costs its socket and its page: let go of what inspection kept.
  ctx.view = undefined;
  ctx.bodyPrefix = undefined;
  const drip = req.method !== 'HEAD' && (ctx.verdict.action === 'tarpit' || runtime.options.tarpit.enabled);
  const held =
    drip &&
    state.tarpit.hold(res, head, page.status, body, (ms) => {
      const after = state.sessions.held(session.id, ms);
      if (after !== undefined) state.bus.publish('labyrinth.session', after);
    });
  if (held) return;
  res.writeHead(page.status, head);
  res.end(req.method === 'HEAD' ? undefined : body);
}
