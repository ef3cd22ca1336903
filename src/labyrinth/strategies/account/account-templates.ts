import { compilePathTemplate } from '../../path/path-template.js';

/** Pages of the decoy account area. */
export const ACCOUNT_TEMPLATE = compilePathTemplate('/account/{slug}');
/** One decoy order. */
export const ORDER_TEMPLATE = compilePathTemplate('/account/orders/{id}');
