import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import {
  escapeHeaderValue,
  escapePathValue,
  escapeQueryValue,
  escapeTarget,
  percentEncodeAll,
} from './escape-for-target.js';
import { INJECTION_POINTS } from './injection-points.js';

const PAYLOADS = [
  `' OR 1=1-- -`,
  '<svg/onload=alert(1)>',
  '{{7*7}}',
  'a&b=c#d+e',
  'é ü €',
  '../../etc/passwd',
];

describe('escaping payloads for the request line', () => {
  it('keeps query values whole: the application decodes exactly the payload', () => {
    for (const p of PAYLOADS) {
      const escaped = escapeQueryValue(p);
      expect(escaped).not.toMatch(/[ #&+<>{}\u0080-\uffff]/u);
      expect(new URLSearchParams(`q=${escaped}`).get('q')).toBe(p);
    }
  });

  it('keeps the slashes of a path raw, and encodes what would end it', () => {
    expect(escapePathValue('../../etc/passwd')).toBe('../../etc/passwd');
    expect(escapePathValue('a?b#c d')).toBe('a%3Fb%23c%20d');
    expect(escapeTarget('/a b?x="1"')).toBe('/a%20b?x=%221%22');
  });

  it('leaves a payload encoded on purpose as it is, so that url-encoding reaches the wire once', () => {
    const once = percentEncodeAll("' OR 1=1");
    expect(once).toBe('%27%20OR%201%3D1');
    expect(escapeQueryValue(once)).toBe(once);
  });

  it('never lets a payload end a header', () => {
    expect(escapeHeaderValue('a\r\nX-Injected: 1')).toBe('a  X-Injected: 1');
    const random = createRandom(2);
    for (let i = 0; i < 20; i++) {
      const request = INJECTION_POINTS.header('x\r\nSet-Cookie: a=b\n', random);
      for (const [, value] of request.headers) expect(value).not.toMatch(/[\r\n]/);
    }
  });
});
