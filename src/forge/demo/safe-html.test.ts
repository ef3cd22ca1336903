import { describe, expect, it } from 'vitest';
import { html } from './safe-html.js';

describe('html', () => {
  it('escapes every interpolated value', () => {
    const markup = html`<p title="${`"'`}">${'<b>&</b>'}</p>`.toString();
    expect(markup).toBe('<p title="&quot;&#39;">&lt;b&gt;&amp;&lt;/b&gt;</p>');
  });

  it('keeps nested html, joins lists, and drops empty values', () => {
    const items = ['<a>', 'b'].map((item) => html`<li>${item}</li>`);
    const markup = html`<ul>${items}</ul>${false}${null}${undefined}${0}`.toString();
    expect(markup).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>0');
  });
});
