import { describe, expect, it } from 'vitest';
import { buildRequestView } from '../../build-request-view.js';
import { DEFAULT_EXTRACT_LIMITS, extractRequest } from '../../extract/index.js';
import type { ParsedRequest } from '../../parsed-request.js';
import { inspected, itRunsCaseTable } from '../shared/case-table.testing.js';
import { itStaysLinear } from '../shared/linearity.testing.js';
import { cookieWriteCases, sessionParameterCases } from './cases.js';
import { createSessionFixationAnalyzer } from './create-session-fixation-analyzer.js';
import { isSessionCookieName } from './session-cookie-name.js';

const analyzer = createSessionFixationAnalyzer();

function parsed(
  target: string,
  headers: readonly (readonly [string, string])[],
  body?: string,
): ParsedRequest {
  const view = buildRequestView({
    id: '1',
    method: body === undefined ? 'GET' : 'POST',
    target,
    rawHeaders: [['host', 'localhost'], ...headers].flat(),
    httpVersion: '1.1',
    protocol: 'http',
    ...(body === undefined ? {} : { body: new TextEncoder().encode(body) }),
  });
  return extractRequest(view, DEFAULT_EXTRACT_LIMITS);
}

describe('session-fixation analyzer', () => {
  itRunsCaseTable(analyzer, cookieWriteCases);

  for (const c of sessionParameterCases) {
    it(`${c.expect ?? 'passes'}: ${c.input} ${JSON.stringify(c.headers)}`, () => {
      const findings = analyzer.analyzeRequest!(parsed(c.input, c.headers, c.body));
      expect(findings.map((f) => f.rule)).toEqual(c.expect === null ? [] : [c.expect]);
    });
  }

  it('weighs a session id in a body without a Referer below one in a link', () => {
    const link = analyzer.analyzeRequest!(parsed('/?jsessionid=1', []));
    const api = analyzer.analyzeRequest!(
      parsed('/', [['content-type', 'application/json']], '{"jsessionid":"1"}'),
    );
    expect(link[0]?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(api[0]?.confidence).toBeLessThan(0.9);
  });

  it('weighs a cookie written in a quoted snippet below one sent alone', () => {
    const post = 'To remember the theme I do document.cookie = "theme=dark; path=/" on every page load';
    const [quoted] = analyzer.analyzeValue!(inspected(post, 'body-value', 'body.form.comment'));
    expect(quoted?.confidence).toBeLessThan(0.9);
  });

  it('tells platform session cookie names from generic API names', () => {
    for (const name of ['JSESSIONID', 'PHPSESSid', 'ASP.NET_SessionId', 'rack.session', '_flask_session'])
      expect(isSessionCookieName(name), name).toBe(true);
    for (const name of ['session_id', 'sessionId', 'sid', 'session', 'user_session', 'token'])
      expect(isSessionCookieName(name), name).toBe(false);
  });

  it('refuses unknown options', () => {
    expect(() => createSessionFixationAnalyzer({ depth: 3 })).toThrow(/unknown option/);
  });
});

describe('session-fixation regexes are linear', () => {
  const adversarial = [
    '.cookie'.repeat(7_000),
    `http-equiv=${' '.repeat(50_000)}`,
    `http://${'@'.repeat(50_000)}`,
  ];
  itStaysLinear(
    new URL('.', import.meta.url),
    adversarial,
    (input) => {
      analyzer.analyzeValue!(inspected(input));
      analyzer.analyzeRequest!(parsed('/', [['referer', input.slice(0, 8000)]]));
    },
    3,
    100,
  );
});
