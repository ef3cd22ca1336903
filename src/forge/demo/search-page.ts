import { searchProducts } from './catalog.js';
import type { DemoContext } from './demo-context.js';
import { renderPage } from './layout.js';
import { renderProductCard } from './product-card.js';
import { sendHtml } from './respond.js';
import { html } from './safe-html.js';

/** GET /search?q= — products matching the query, which is echoed back escaped. */
export function showSearch({ res, query }: DemoContext): void {
  const q = query.get('q') ?? '';
  const results = searchProducts(q);
  const summary =
    q.trim() === ''
      ? html`<p class="hint">Type a word such as “jacket” or “gear”.</p>`
      : html`<p>${results.length} result${results.length === 1 ? '' : 's'} for “<strong>${q}</strong>”.</p>`;
  const body = html`<form action="/search" method="get" role="search">
<input type="search" name="q" value="${q}" aria-label="Search">
<button type="submit">Search</button>
</form>
${summary}
${results.map(renderProductCard)}`;
  sendHtml(res, 200, renderPage('Search', body));
}
