import type { DemoContext } from './demo-context.js';
import { sendJson } from './respond.js';

/** GET /api/health — liveness for whatever sits in front. */
export function healthApi({ res }: DemoContext): void {
  sendJson(res, 200, { status: 'ok' }, { 'cache-control': 'no-store' });
}
