/** Cents as a dollar price, e.g. 8900 → "$89.00". */
export function formatPrice(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}
