import type { CanaryHit } from '../../labyrinth/index.js';
import type { RequestContext } from '../request-context.js';
import type { LabyrinthRuntime } from './labyrinth-runtime.js';

/** A canary found in a request, and where. */
export interface CanaryFound {
  readonly hit: CanaryHit;
  readonly location: string;
}

// Bytes of the body searched: canaries are pasted into forms and JSON documents, not buried in uploads; the
// scan costs about 10 ns a byte, so this bounds it near 160 µs.
const BODY_BYTES = 16_384;

const BASIC = /^basic\s+[A-Za-z0-9+/=]{8,}$/i;

/** `Basic dXNlcjpwYXNz` → `user:pass`: a decoy login pasted into HTTP authentication. */
function basicCredentials(value: string): string {
  return Buffer.from(value.slice(6).trim(), 'base64').toString('utf8');
}

function decoded(text: string): string | undefined {
  if (!text.includes('%')) return undefined;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function first(runtime: LabyrinthRuntime, text: string): CanaryHit | undefined {
  if (text.length < 16) return undefined;
  const [hit] = runtime.canaries.find(text, 1);
  if (hit !== undefined) return hit;
  const plain = decoded(text);
  return plain === undefined ? undefined : runtime.canaries.find(plain, 1)[0];
}

/**
 * The first canary in a request's target, header values or body prefix. Each text costs one linear scan
 * plus one keyed checksum per candidate, whatever the number of canaries ever served.
 */
export function findCanaryUse(ctx: RequestContext, runtime: LabyrinthRuntime): CanaryFound | undefined {
  const { req } = ctx;
  const target = first(runtime, req.url ?? '');
  if (target !== undefined) return { hit: target, location: 'target' };
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const value = raw[i + 1]!;
    const hit = first(runtime, BASIC.test(value) ? basicCredentials(value) : value);
    if (hit !== undefined) return { hit, location: `header.${raw[i]!.toLowerCase()}` };
  }
  const prefix = ctx.bodyPrefix;
  if (prefix === undefined || prefix.bytes === 0) return undefined;
  const body = Buffer.concat(prefix.chunks as Buffer[])
    .subarray(0, BODY_BYTES)
    .toString('utf8');
  const hit = first(runtime, body);
  return hit === undefined ? undefined : { hit, location: 'body' };
}
