import { PRODUCTS } from './catalog.js';
import type { DemoContext } from './demo-context.js';
import { renderPage } from './layout.js';
import { renderProductCard } from './product-card.js';
import { sendHtml } from './respond.js';
import { html } from './safe-html.js';

const FEATURED = PRODUCTS.slice(0, 3);

/** GET / — the shop's front page with a few featured products. */
export function showHome({ res }: DemoContext): void {
  const body = html`<p>Gear for long days outside, picked and tested by people who hike on weekends.</p>
<form action="/search" method="get" role="search">
<input type="search" name="q" placeholder="Search the shop" aria-label="Search">
<button type="submit">Search</button>
</form>
<h2>Featured</h2>
${FEATURED.map(renderProductCard)}
<p><a href="/products">See all ${PRODUCTS.length} products</a> · <a href="/about">About us</a> · <a href="/login">Sign in</a></p>`;
  sendHtml(res, 200, renderPage('Welcome to Acme Outfitters', body));
}
