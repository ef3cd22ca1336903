import type { Product } from './catalog.js';
import { formatPrice } from './format-price.js';
import { html, type SafeHtml } from './safe-html.js';

/** A product's summary card, linking to its detail page. */
export function renderProductCard(product: Product): SafeHtml {
  return html`<article class="card">
<h2><a href="/products/${product.id}">${product.name}</a></h2>
<p class="hint">${product.category} · <span class="price">${formatPrice(product.priceCents)}</span></p>
<p>${product.description}</p>
</article>`;
}
