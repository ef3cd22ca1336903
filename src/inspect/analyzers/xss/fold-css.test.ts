import { describe, expect, it } from 'vitest';
import { cssDanger } from './css-danger.js';
import { foldCss } from './fold-css.js';

describe('foldCss', () => {
  it('decodes escapes and drops comments and whitespace', () => {
    expect(foldCss('x: EXP/**/ression\\28 1)')).toBe('x:expression(1)');
    expect(foldCss('background-image:\\75\\72\\6c(javascript:x)')).toBe('background-image:url(javascript:x)');
    expect(foldCss("@im\\port'\\ja\\vasc\\ript:x'")).toBe("@import'javascript:x'");
  });

  it('opens no comment inside a string', () => {
    expect(foldCss('a:b("*//*");c:ex/*x*//*/*/pression(1)')).toBe('a:b("*//*");c:expression(1)');
  });
});

describe('cssDanger', () => {
  it('weighs constructs by where the CSS sits', () => {
    expect(cssDanger('width:expression(alert(1))', true)?.confidence).toBe(1);
    expect(cssDanger('width:expression(alert(1))', false)?.confidence).toBe(1);
    expect(cssDanger('the expression (a+b) is fine', false)).toBeUndefined();
    expect(cssDanger("@import 'x.css';", true)?.confidence).toBe(0.9);
    expect(cssDanger('color:red;background:url(/a.png)', true)).toBeUndefined();
  });
});
