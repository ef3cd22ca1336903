/** Collection names of a plausible REST API (`/api/v1/{noun}`): lowercase letters only. */
export const API_NOUNS: readonly string[] = Object.freeze([
  'users',
  'orders',
  'invoices',
  'customers',
  'payments',
  'products',
  'accounts',
  'tokens',
  'subscriptions',
  'refunds',
  'shipments',
  'webhooks',
]);
