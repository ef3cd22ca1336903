import { describe, expect, it } from 'vitest';
import { disallowedPaths, extractLinks } from './extract-links.js';

const ORIGIN = 'http://127.0.0.1:8080';

describe('extractLinks', () => {
  it('finds links in document order, hidden ones included, resolved against the page', () => {
    const html = `<a href="/products">P</a><img src='img/a.png'><form action=/login></form>
<div hidden style="display:none"><a href="/library/x-1" rel="nofollow">A</a></div>`;
    expect(extractLinks(html, ORIGIN, '/shop/')).toEqual([
      '/products',
      '/shop/img/a.png',
      '/login',
      '/library/x-1',
    ]);
  });

  it('decodes entities, drops fragments and leaves other sites and pseudo-links alone', () => {
    const html = `<a href="/s?a=1&amp;b=2#top">x</a><a href="https://other.example/">o</a>
<a href="javascript:alert(1)">j</a><a href="mailto:a@b.c">m</a><a href="#here">h</a><a href="http://127.0.0.1:8080/abs">a</a>`;
    expect(extractLinks(html, ORIGIN, '/')).toEqual(['/s?a=1&b=2', '/abs']);
  });

  it('makes every link sendable on a request line', () => {
    expect(extractLinks('<a href="/a b/ü">x</a>', ORIGIN, '/')).toEqual(['/a%20b/%C3%BC']);
  });
});

describe('disallowedPaths', () => {
  it('reads the Disallow lines of every group', () => {
    const robots =
      'User-agent: *\nDisallow: /api/\nAllow: /api/public\n\nUser-agent: *\r\ndisallow:/library/\nDisallow:\n';
    expect(disallowedPaths(robots)).toEqual(['/api/', '/library/']);
  });
});
