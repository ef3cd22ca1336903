/** A product in the demo shop's catalogue. */
export interface Product {
  readonly id: number;
  readonly name: string;
  readonly category: string;
  /** Whole cents, so totals never suffer float rounding. */
  readonly priceCents: number;
  readonly description: string;
}

/** The fixed catalogue of Acme Outfitters. */
export const PRODUCTS: readonly Product[] = Object.freeze([
  {
    id: 1,
    name: 'Trailhead Backpack 28L',
    category: 'Bags',
    priceCents: 8900,
    description: 'A light daypack with a padded laptop sleeve and a rain cover tucked in the base.',
  },
  {
    id: 2,
    name: 'Summit Down Jacket',
    category: 'Apparel',
    priceCents: 18900,
    description: 'Warm 700-fill down that packs into its own pocket for cold mornings above the tree line.',
  },
  {
    id: 3,
    name: 'Riverstone Water Bottle',
    category: 'Gear',
    priceCents: 2400,
    description: 'A double-walled steel bottle that keeps water cold for a full day on the trail.',
  },
  {
    id: 4,
    name: 'Ridgeline Hiking Boots',
    category: 'Footwear',
    priceCents: 14500,
    description: 'Waterproof leather boots with a grippy sole, broken in after the first weekend.',
  },
  {
    id: 5,
    name: 'Campfire Enamel Mug',
    category: 'Gear',
    priceCents: 1500,
    description: 'The classic speckled mug for coffee at camp. Survives drops, not microwaves.',
  },
  {
    id: 6,
    name: 'Northwind Fleece Beanie',
    category: 'Apparel',
    priceCents: 2200,
    description: 'A soft recycled-fleece beanie that fits under a helmet or hood.',
  },
]);

/** The product with this id (a number or its decimal text), or undefined. */
export function findProduct(id: number | string): Product | undefined {
  const wanted = typeof id === 'number' ? id : /^\d{1,9}$/.test(id) ? Number(id) : Number.NaN;
  return PRODUCTS.find((product) => product.id === wanted);
}

/** Products whose name, category or description contains the query, ignoring case. */
export function searchProducts(query: string): Product[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  return PRODUCTS.filter((product) =>
    `${product.name} ${product.category} ${product.description}`.toLowerCase().includes(needle),
  );
}
