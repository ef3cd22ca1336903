import { describe, expect, it } from 'vitest';
import { readTag } from './read-tag.js';

function read(html: string) {
  return readTag(html, html.indexOf('<'), html.length);
}

describe('readTag', () => {
  it('reads a start tag with unquoted, quoted and bare attributes', () => {
    const tag = read('<img src=x alt="a b" title=\'c\' hidden onerror=alert(1)>');
    expect(tag).toMatchObject({ kind: 'start', name: 'img', element: 'img', closed: true });
    expect(tag?.attributes.map((a) => [a.name, a.value])).toEqual([
      ['src', 'x'],
      ['alt', 'a b'],
      ['title', 'c'],
      ['hidden', undefined],
      ['onerror', 'alert(1)'],
    ]);
  });

  it('takes `/`, tabs and newlines as separators, as browsers do', () => {
    expect(read('<svg/onload=alert(1)>')?.attributes[0]).toMatchObject({ name: 'onload', value: 'alert(1)' });
    expect(read('<a\thref\n=\n"x"\n>')?.attributes[0]).toMatchObject({ name: 'href', value: 'x' });
    expect(read('<img/src="x"/onerror="y">')?.attributes.map((a) => a.name)).toEqual(['src', 'onerror']);
  });

  it('reads backtick-quoted values and lets an unclosed quote run to the end', () => {
    expect(read('<img src=`x`onerror=alert(1)>')?.attributes.map((a) => a.name)).toEqual(['src', 'onerror']);
    const open = read('<a title="x><script>alert(1)</script>');
    expect(open).toMatchObject({ closed: false });
    expect(open?.attributes[0]?.value).toBe('x><script>alert(1)</script>');
  });

  it('keeps a leading `=` in an attribute name, as HTML5 does', () => {
    const tag = read('<img src="/" =_=" title="onerror=\'prompt(1)\'">');
    expect(tag?.attributes.map((a) => a.name)).toEqual(['src', '=_', 'onerror', '"']);
  });

  it('names the element a prefixed, NUL-split or garbled name stands for', () => {
    expect(read('<x:script xmlns:x="http://www.w3.org/1999/xhtml">')?.element).toBe('script');
    expect(read('<scr\0ipt>')?.element).toBe('script');
    expect(read('<script<{alert(1)}/>')).toMatchObject({ name: 'script<{alert(1)}', element: 'script' });
    expect(read('<IMG SRC=x>')).toMatchObject({ name: 'img', element: 'img' });
  });

  it('reads end tags and the constructs HTML5 turns into comments', () => {
    expect(read('</a onmousemove=alert(1)>')).toMatchObject({ kind: 'end', name: 'a' });
    expect(read('<?import implementation="#default#time2">')).toMatchObject({
      kind: 'bogus',
      name: 'import',
    });
    expect(read('<! foo="><x>">')).toMatchObject({ kind: 'bogus', name: '' });
    expect(read('<// style=x:expression(1)>')?.attributes[0]?.name).toBe('style');
  });

  it('starts no tag where HTML starts none', () => {
    for (const text of ['<3', 'a < b', '<!-- comment -->', '</>', '<', '<1a>'])
      expect(read(text)).toBeUndefined();
  });
});
