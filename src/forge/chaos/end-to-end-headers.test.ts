import { describe, expect, it } from 'vitest';
import { endToEnd } from './end-to-end-headers.js';

describe('endToEnd', () => {
  it('drops hop-by-hop headers and those Connection names, keeps repeats as lists', () => {
    expect(
      endToEnd([
        'Host',
        'shop.example',
        'Connection',
        'keep-alive, X-Trace',
        'X-Trace',
        'hop',
        'Keep-Alive',
        'timeout=5',
        'Transfer-Encoding',
        'chunked',
        'Set-Cookie',
        'a=1',
        'set-cookie',
        'b=2',
        'Set-Cookie',
        'c=3',
      ]),
    ).toEqual({ host: 'shop.example', 'set-cookie': ['a=1', 'b=2', 'c=3'] });
  });
});
