import { describe, expect, it } from 'vitest';
import { compactJs } from './compact-js.js';

function compact(js: string) {
  return compactJs(js, 0, js.length);
}

describe('compactJs', () => {
  it('drops comments and whitespace, keeping one space between words', () => {
    expect(compact('document /*x*/ .   cookie')).toEqual({ text: 'document.cookie', obfuscated: true });
    expect(compact('new  Function ( "x" )')).toEqual({ text: 'new Function("x")', obfuscated: false });
  });

  it('turns constant bracket access into dot access, joining and unescaping the strings', () => {
    expect(compact('self [/*x*/"al"+ \'ert\'] (1)').text).toBe('self.alert(1)');
    expect(compact('top["\\x61lert"](1)').text).toBe('top.alert(1)');
    expect(compact('x["not a name"]').text).toBe('x["not a name"]');
    expect(compact('a[0]').text).toBe('a[0]');
  });

  it('decodes identifier escapes', () => {
    expect(compact('\\u0061lert(1)')).toEqual({ text: 'alert(1)', obfuscated: true });
    expect(compact('\\u{61}lert(1)').text).toBe('alert(1)');
  });

  it('leaves strings alone: an injected quote closes a string the page opened', () => {
    expect(compact("';alert(1)//").text).toBe("';alert(1)//");
  });
});
