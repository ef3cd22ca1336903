import type { RequestContext } from '../request-context.js';
import { CHALLENGE_PATH, challengePage } from './challenge-page.js';

/** The cookie that carries a passed challenge. */
export const PASS_COOKIE = 'infinisec_pass';

/** A path to come back to: our own, relative, never another site. */
function safeReturn(value: string | null): string {
  if (value === null || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  return value.length > 2048 ? '/' : value;
}

function client(ctx: RequestContext) {
  return { prefix: ctx.client.prefix, userAgent: ctx.client.userAgent };
}

function sendPage(ctx: RequestContext, returnTo: string): void {
  const { snapshot, res } = ctx;
  const options = snapshot.config.defend.challenge;
  const risk = snapshot.ladder?.risk(ctx.client.prefix, ctx.time) ?? 0;
  const difficulty = Math.min(options.maxDifficulty, options.difficulty + Math.floor(risk / 2));
  const issued = snapshot.challenge.issue(client(ctx), ctx.time, difficulty);
  const body = challengePage(issued, returnTo, Math.ceil(options.waitMs / 1000));
  if (!ctx.req.complete) ctx.req.resume();
  res.writeHead(403, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    [snapshot.config.server.requestIdHeader]: ctx.requestId,
  });
  res.end(ctx.req.method === 'HEAD' ? undefined : body);
}

/**
 * act for `challenge`: the challenge page; or, for its answers under CHALLENGE_PATH, the pass cookie and a
 * redirect back when the proof of work (or the no-JavaScript wait) holds, the page again when not.
 */
export function serveChallenge(ctx: RequestContext): void {
  ctx.origin = 'gateway';
  const target = ctx.req.url ?? '/';
  const url = new URL(target, 'http://gateway');
  if (!url.pathname.startsWith(CHALLENGE_PATH)) {
    sendPage(ctx, safeReturn(target));
    return;
  }
  const returnTo = safeReturn(url.searchParams.get('r'));
  const token = url.searchParams.get('t') ?? '';
  const action = url.pathname.slice(CHALLENGE_PATH.length);
  const { challenge, config } = ctx.snapshot;
  const ok =
    action === 'verify'
      ? challenge.solved(token, url.searchParams.get('n') ?? '', client(ctx), ctx.time)
      : action === 'wait' && challenge.waited(token, client(ctx), ctx.time);
  if (!ok) {
    sendPage(ctx, returnTo);
    return;
  }
  const maxAge = Math.floor(config.defend.challenge.passMs / 1000);
  const secure = ctx.protocol === 'https' ? '; Secure' : '';
  ctx.res.writeHead(303, {
    location: returnTo,
    'set-cookie': `${PASS_COOKIE}=${challenge.pass(client(ctx), ctx.time)}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`,
    'content-length': 0,
    'cache-control': 'no-store',
    [config.server.requestIdHeader]: ctx.requestId,
  });
  ctx.res.end();
}
