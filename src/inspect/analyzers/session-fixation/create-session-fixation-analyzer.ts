import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { Inspectable, InspectedValue } from '../../inspectable.js';
import type { ParsedRequest } from '../../parsed-request.js';
import { anyProse } from '../deserialization/is-prose.js';
import { excerpt } from '../shared/excerpt.js';
import { readOptions } from '../shared/read-options.js';
import { findCookieWrite } from './find-cookie-write.js';
import { requestSite } from './request-site.js';
import { isSessionCookieName } from './session-cookie-name.js';

const ID = 'session-fixation';
// Where a parameter's name is the rest of its location.
const PARAMETER_PREFIXES = ['query.', 'body.form.', 'body.multipart.', 'body.json.'];

// Every session cookie name holds one of these; other parameters are passed over after one test.
const MAY_NAME_SESSION = /sess|sid|cf|cakephp|token/i;
const COOKIE = /cookie/i;

// A parameter's name; JSON keys only at the top level, where a login or session endpoint reads them.
function parameterName(item: Inspectable): string | undefined {
  if (item.kind !== 'query-value' && item.kind !== 'body-value') return undefined;
  const prefix = PARAMETER_PREFIXES.find((p) => item.location.startsWith(p));
  if (prefix === undefined) return undefined;
  const raw = item.location.slice(prefix.length);
  if (!MAY_NAME_SESSION.test(raw) || (prefix === 'body.json.' && raw.includes('.'))) return undefined;
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

// A session id handed over in a link or a form from another site (a planted link), or from nowhere (a
// pasted one), fixes the victim's session; the site's own URL rewriting comes with its own Referer.
// Without a Referer a body is as likely an API client's as a victim's.
function sessionParameter(request: ParsedRequest): Finding | undefined {
  let found: Inspectable | undefined;
  let name = '';
  for (const item of request.values) {
    const candidate = parameterName(item);
    if (candidate !== undefined && item.value !== '' && isSessionCookieName(candidate)) {
      found = item;
      name = candidate;
      break;
    }
  }
  if (found === undefined) return undefined;
  const site = requestSite(request.view);
  if (site === 'same') return undefined;
  const confidence = site === 'cross' || found.kind === 'query-value' ? 0.9 : 0.7;
  return {
    analyzer: ID,
    rule: `${ID}/session-id-parameter`,
    confidence,
    location: found.location,
    // The name only: the value may be a real user's session id, which has no place in logs.
    evidence: excerpt(name),
    transforms: [],
  };
}

function sessionParameterFindings(request: ParsedRequest): readonly Finding[] {
  const finding = sessionParameter(request);
  return finding === undefined ? [] : [finding];
}

/**
 * Session fixation: a platform's session cookie name sent as a query, form or JSON parameter from
 * another site or from nowhere (`?JSESSIONID=…` with a foreign Referer), and values that set a cookie in
 * the victim's browser (`<meta http-equiv="Set-Cookie">`, `document.cookie="sid=…; domain=…"`).
 * @example createSessionFixationAnalyzer().analyzeRequest?.(request)
 */
export function createSessionFixationAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxLength } = readOptions(ID, options);
  return {
    id: ID,
    quietOnPlainText: true,
    analyzeValue({ item, variants }: InspectedValue): readonly Finding[] {
      for (const variant of variants) {
        const text = variant.value.length > maxLength ? variant.value.slice(0, maxLength) : variant.value;
        if (!COOKIE.test(text)) continue;
        const write = findCookieWrite(text);
        if (write === undefined) continue;
        const quoted = write.form === 'script' && (item.kind === 'file-content' || anyProse(variants));
        return [
          {
            analyzer: ID,
            rule: `${ID}/cookie-write`,
            confidence: quoted ? 0.5 : 0.9,
            location: item.location,
            evidence: excerpt(text, write.at),
            transforms: variant.transforms,
          },
        ];
      }
      return [];
    },
    analyzeRequest: sessionParameterFindings,
    // A long body's rest holds parameters too.
    analyzeBodyRest: sessionParameterFindings,
  };
}
