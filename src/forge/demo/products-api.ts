import { findProduct, PRODUCTS } from './catalog.js';
import type { DemoContext } from './demo-context.js';
import { sendJson } from './respond.js';

/** GET /api/products — the catalogue as a JSON array. */
export function listProductsApi({ res }: DemoContext): void {
  sendJson(res, 200, PRODUCTS);
}

/** GET /api/products/:id — one product, or 404 `{error}`. */
export function getProductApi({ res, params }: DemoContext): void {
  const product = findProduct(params[0] ?? '');
  if (product) sendJson(res, 200, product);
  else sendJson(res, 404, { error: 'product not found' });
}
