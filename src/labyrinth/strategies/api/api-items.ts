import { ALPHANUMERIC, randomString } from '../../random/random-string.js';
import type { PageContext } from '../page-context.js';
import { decoyDate } from '../shared/decoy-date.js';
import { decoyPerson } from '../shared/decoy-person.js';

type Item = Record<string, string | number | boolean | null>;

const CURRENCIES = ['USD', 'EUR', 'GBP'];
const ORDER_STATUSES = ['paid', 'pending', 'shipped', 'refunded', 'cancelled'];
const iso = (date: string) => `${date.replace(' ', 'T')}Z`;

function userItem(ctx: PageContext, id: number): Item {
  const person = decoyPerson(ctx.rng);
  const admin = ctx.rng.chance(0.15);
  return {
    id,
    username: person.username,
    name: person.name,
    email: ctx.canary('email'),
    role: admin ? 'admin' : 'member',
    api_key: admin ? ctx.canary('api-key') : null,
    created_at: iso(decoyDate(ctx.rng)),
  };
}

function orderItem(ctx: PageContext, id: number): Item {
  const { rng } = ctx;
  return {
    id,
    number: `ORD-${rng.between(100_000, 999_999)}`,
    customer_email: ctx.canary('email'),
    total: Number(`${rng.between(5, 900)}.${rng.between(10, 99)}`),
    currency: rng.pick(CURRENCIES),
    status: rng.pick(ORDER_STATUSES),
    created_at: iso(decoyDate(rng, 2022, 2024)),
  };
}

function tokenItem(ctx: PageContext, id: number): Item {
  return {
    id,
    name: `${ctx.rng.pick(['ci', 'deploy', 'backup', 'reporting', 'zapier'])}-token`,
    token: ctx.canary(ctx.rng.chance(0.5) ? 'api-key' : 'jwt'),
    scopes: ctx.rng.pick(['read', 'read write', 'admin']),
    expires_at: null,
  };
}

function paymentItem(ctx: PageContext, id: number): Item {
  const { rng } = ctx;
  return {
    id: `pi_${randomString(rng, ALPHANUMERIC, 24)}`,
    sequence: id,
    amount: rng.between(500, 90_000),
    currency: rng.pick(CURRENCIES).toLowerCase(),
    card_last4: String(rng.between(1000, 9999)),
    customer_email: ctx.canary('email'),
    // A processor's charge id, as payment records hold; the secret key is in the tokens collection.
    charge: `ch_${randomString(rng, ALPHANUMERIC, 24)}`,
    status: rng.pick(['succeeded', 'requires_capture', 'refunded']),
  };
}

const BY_NOUN: Readonly<Record<string, (ctx: PageContext, id: number) => Item>> = {
  users: userItem,
  accounts: userItem,
  customers: userItem,
  orders: orderItem,
  invoices: orderItem,
  shipments: orderItem,
  refunds: paymentItem,
  payments: paymentItem,
  subscriptions: paymentItem,
  tokens: tokenItem,
  webhooks: tokenItem,
};

/** One decoy record of a collection, its emails and keys canaries. */
export function apiItem(ctx: PageContext, noun: string, id: number): Item {
  return (BY_NOUN[noun] ?? orderItem)(ctx, id);
}
