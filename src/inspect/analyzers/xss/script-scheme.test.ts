import { describe, expect, it } from 'vitest';
import { mayEndScheme, schemeAt, schemeBefore } from './script-scheme.js';

describe('schemeAt', () => {
  it.each([
    ['javascript:alert(1)', 'javascript', false],
    ['JaVaScRiPt:x', 'javascript', false],
    [' \x01java\tscr\nipt:x', 'javascript', true],
    ['`javascript:x`', 'javascript', true],
    ['j\n\ta\n\t\tv\n\t\t\ta\n\t\t\t\tscript:x', 'javascript', true],
    ['feed:javascript:x', 'javascript', false],
    ['vbscript:msgbox(1)', 'vbscript', false],
    ['data:text/html,x', 'data', false],
  ])('%j is %s', (value, scheme, obfuscated) => {
    expect(schemeAt(value, 0)).toMatchObject({ scheme, obfuscated });
  });

  it.each(['http://x', 'javascripts:x', 'java-script:x', '/javascript:x', 'x javascript:'])(
    '%j is none',
    (value) => {
      expect(schemeAt(value, 0)).toBeUndefined();
    },
  );
});

describe('schemeBefore', () => {
  it('finds a whole-word scheme before a colon, spaces or controls inside it allowed', () => {
    expect(schemeBefore('x=javascript:alert(1)', 12)).toMatchObject({ scheme: 'javascript', start: 2 });
    expect(schemeBefore('url(java script :x)', 16)).toMatchObject({ scheme: 'javascript', start: 4 });
    expect(schemeBefore('use data:', 8)).toMatchObject({ scheme: 'data', start: 4 });
    expect(schemeBefore('myjavascript:x', 12)).toBeUndefined();
    expect(schemeBefore('http:', 4)).toBeUndefined();
  });

  it('pre-checks the last letter cheaply', () => {
    expect(mayEndScheme('javascript:', 10)).toBe(true);
    expect(mayEndScheme('https:', 5)).toBe(false);
  });
});
