import { findProduct, PRODUCTS } from './catalog.js';
import type { DemoContext } from './demo-context.js';
import { sendNotFound } from './error-pages.js';
import { formatPrice } from './format-price.js';
import { renderPage } from './layout.js';
import { renderProductCard } from './product-card.js';
import { sendHtml } from './respond.js';
import { html } from './safe-html.js';

/** GET /products — the whole catalogue. */
export function showProducts({ res }: DemoContext): void {
  sendHtml(res, 200, renderPage('Products', html`${PRODUCTS.map(renderProductCard)}`));
}

/** GET /products/:id — one product, or the 404 page. */
export function showProduct({ res, path, params }: DemoContext): void {
  const product = findProduct(params[0] ?? '');
  if (!product) {
    sendNotFound(res, path);
    return;
  }
  const body = html`<p class="hint">${product.category}</p>
<p class="price">${formatPrice(product.priceCents)}</p>
<p>${product.description}</p>
<p class="hint">Order through the API: <code>POST /api/orders</code> with
<code>{"productId": ${product.id}, "quantity": 1}</code>.</p>
<p><a href="/products">Back to all products</a></p>`;
  sendHtml(res, 200, renderPage(product.name, body));
}
