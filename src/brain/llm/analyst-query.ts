import { isIP } from 'node:net';
import { z } from 'zod';
import { ACTIONS } from '../../core/index.js';
import type { EventQuery } from '../../store/event-store.js';

/** An event query an operator's question became, ready for `EventStore.query`. */
export interface AnalystQuery extends EventQuery {
  /** Events per page, 1 to 1,000. */
  readonly limit: number;
}

/** The page size when the question names none. */
export const DEFAULT_QUERY_LIMIT = 100;

/**
 * The schema a model's query must pass: the fields of `EventQuery` plus `limit`, nothing else, each in its
 * own shape (an address for `client`, a known action and category, a path prefix).
 */
export function analystQuerySchema(categories: readonly string[]) {
  return z
    .strictObject({
      from: z.int().min(0).optional(),
      to: z.int().min(0).optional(),
      site: z
        .string()
        .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i)
        .optional(),
      client: z
        .string()
        .refine((value) => isIP(value) !== 0, 'an IPv4 or IPv6 address')
        .optional(),
      action: z.enum(ACTIONS).optional(),
      category: z
        .string()
        .refine((value) => categories.includes(value), 'a known category')
        .optional(),
      path: z
        .string()
        .regex(/^\/[^\s?#]{0,199}$/)
        .optional(),
      limit: z.int().min(1).max(1000).optional(),
    })
    .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, 'from must be before to');
}

/** A query that passed the schema, before it is held against the question. */
export type DraftQuery = z.output<ReturnType<typeof analystQuerySchema>>;
