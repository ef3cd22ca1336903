import { randomUUID } from 'node:crypto';
import type { DemoContext } from './demo-context.js';
import { parseJson } from './parse-json.js';
import { readBody } from './read-body.js';
import { sendJson } from './respond.js';
import { validateOrderRequest } from './validate-order.js';

/** POST /api/orders — validates `{productId, quantity}` and answers 201 with the order. */
export async function createOrderApi({ req, res }: DemoContext): Promise<void> {
  const read = await readBody(req);
  if (read.kind === 'too-large') {
    sendJson(res, 413, { error: 'the body is over 1 MB' });
    return;
  }
  const parsed = parseJson(read.body);
  if (!parsed.ok) {
    sendJson(res, 400, { error: 'the body is not valid JSON' });
    return;
  }
  const request = validateOrderRequest(parsed.value);
  if (!request.ok) {
    sendJson(res, 400, { error: request.error });
    return;
  }
  // Orders are not stored: the demo only needs a believable answer.
  const { product, quantity } = request;
  sendJson(res, 201, {
    id: `ord_${randomUUID()}`,
    productId: product.id,
    productName: product.name,
    quantity,
    unitPriceCents: product.priceCents,
    totalCents: product.priceCents * quantity,
    status: 'received',
    createdAt: new Date().toISOString(),
  });
}
