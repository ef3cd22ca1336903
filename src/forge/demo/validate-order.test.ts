import { describe, expect, it } from 'vitest';
import { validateOrderRequest } from './validate-order.js';

describe('validateOrderRequest', () => {
  it('accepts a known product and a quantity in range', () => {
    const result = validateOrderRequest({ productId: 1, quantity: 99 });
    expect(result).toMatchObject({ ok: true, quantity: 99, product: { id: 1 } });
  });

  it.each([
    [null, 'JSON object'],
    ['order', 'JSON object'],
    [[], 'JSON object'],
    [{ productId: '1', quantity: 1 }, 'productId'],
    [{ productId: 7, quantity: 1 }, 'no product has id 7'],
    [{ productId: 1 }, 'quantity must be an integer'],
    [{ productId: 1, quantity: -1 }, 'between 1 and 99'],
    [{ productId: 1, quantity: 100 }, 'between 1 and 99'],
  ])('rejects %j', (input, reason) => {
    const result = validateOrderRequest(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });
});
