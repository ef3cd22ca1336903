import type { DemoContext } from './demo-context.js';
import { renderPage } from './layout.js';
import { sendHtml } from './respond.js';
import { html } from './safe-html.js';

/** GET /about — who runs the shop. */
export function showAbout({ res }: DemoContext): void {
  const body = html`<p>Acme Outfitters started in 2014 as a market stall at the foot of Mount Example.
Today we are still a team of six, shipping packs, jackets and mugs we use ourselves.</p>
<p>Questions? Write to <a href="mailto:hello@acme-outfitters.example">hello@acme-outfitters.example</a>.</p>`;
  sendHtml(res, 200, renderPage('About us', body));
}
