import { findProduct, type Product } from './catalog.js';

/** The most of one product a single order may hold. */
export const MAX_ORDER_QUANTITY = 99;

/** A validated order request, or the first reason it is not one. */
export type OrderRequestResult =
  | { readonly ok: true; readonly product: Product; readonly quantity: number }
  | { readonly ok: false; readonly error: string };

/** Checks a parsed JSON body against `{productId, quantity}`. */
export function validateOrderRequest(input: unknown): OrderRequestResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: 'the body must be a JSON object' };
  }
  const { productId, quantity } = input as Record<string, unknown>;
  if (typeof productId !== 'number' || !Number.isInteger(productId)) {
    return { ok: false, error: 'productId must be an integer' };
  }
  const product = findProduct(productId);
  if (!product) return { ok: false, error: `no product has id ${productId}` };
  if (typeof quantity !== 'number' || !Number.isInteger(quantity)) {
    return { ok: false, error: 'quantity must be an integer' };
  }
  if (quantity < 1 || quantity > MAX_ORDER_QUANTITY) {
    return { ok: false, error: `quantity must be between 1 and ${MAX_ORDER_QUANTITY}` };
  }
  return { ok: true, product, quantity };
}
