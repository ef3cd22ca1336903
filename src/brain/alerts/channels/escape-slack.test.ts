import { describe, expect, it } from 'vitest';
import { escapeSlack } from './escape-slack.js';

describe('escapeSlack', () => {
  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['<https://evil.example|login>', '&lt;https://evil.example|login&gt;'],
    ['<@U123>', '&lt;@U123&gt;'],
    ['a & b', 'a &amp; b'],
    ['&lt;', '&amp;lt;'],
    ['*bold* _it_ ~strike~ `code`', '＊bold＊ ＿it＿ ～strike～ ｀code｀'],
    ["' OR 1=1 -- /etc/passwd", "' OR 1=1 -- /etc/passwd"],
  ])('%s shows as itself', (input, expected) => {
    expect(escapeSlack(input)).toBe(expected);
  });
});
