import type { RequestView } from '../../../core/index.js';
import type { Anomalies } from './anomalies.js';
import type { BodyContext } from './check-content-type.js';
import { FIELD_CHECKS } from './field-checks.js';
import { controlAt, isToken } from './http-token.js';

const MAX_VALUE = 8 * 1024;
const MAX_TOTAL = 32 * 1024;

// Header names already checked to be tokens; most requests repeat the same few dozen.
const VALID_NAMES = new Set<string>();

// Control characters in a value: Node's parser refuses them (see check-parser-refusal.ts), a replayed
// or proxied request may still carry them.
function checkControls(headers: RequestView['headers'], out: Anomalies): void {
  for (const [name, value] of headers) {
    const control = controlAt(value);
    if (control < 0) continue;
    const c = value.charCodeAt(control);
    out.add('control-char-in-header', c === 0 || c === 10 || c === 13 ? 0.9 : 0.7, `header.${name}`, value);
    out.add('unparseable', 1, 'request-line', `control character in ${name}`);
  }
}

/**
 * Header fields one by one: names that are not tokens, control characters in values, counts and sizes
 * beyond what clients send, and the checks of particular fields (`field-checks.ts`).
 */
export function checkHeaderFields(
  view: RequestView,
  body: BodyContext,
  out: Anomalies,
  maxHeaders: number,
): void {
  const { headers } = view;
  if (headers.length > maxHeaders) out.add('header-count', 0.5, 'headers', `${headers.length} headers`);
  const context = { view, body };
  let total = 0;
  let contentTypes = 0;
  for (const [name, value] of headers) {
    total += name.length + value.length + 4;
    if (!VALID_NAMES.has(name)) {
      if (isToken(name)) {
        if (VALID_NAMES.size < 1024) VALID_NAMES.add(name);
      } else {
        out.add('invalid-header-name', 0.8, 'headers', name);
        out.add('unparseable', 1, 'request-line', `header name ${name}`);
      }
    }
    if (value.length > MAX_VALUE) out.add('header-size', 0.4, `header.${name}`, `${value.length} bytes`);
    if (name === 'content-type') contentTypes++;
    FIELD_CHECKS.get(name)?.(value, out, name, context);
  }
  checkControls(headers, out);
  if (total > MAX_TOTAL) out.add('header-size', 0.5, 'headers', `${total} bytes`);
  if (contentTypes > 1)
    out.add('duplicate-content-type', 0.6, 'header.content-type', `${contentTypes} Content-Type headers`);
  // A body without a type is parsed by guesswork, differently by each component on the way.
  const chunked = headers.some(([n]) => n === 'transfer-encoding');
  if (contentTypes === 0 && !chunked && view.body !== undefined && view.body.length > 0)
    out.add('missing-content-type', 0.3, 'header.content-type', `${view.method} body without Content-Type`);
}
