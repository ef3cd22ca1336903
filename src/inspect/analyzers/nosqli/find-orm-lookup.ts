/** Django-style field lookups (`name__startswith`) a filter built from request keys would honour. */
const LOOKUPS = new Set([
  'exact',
  'iexact',
  'contains',
  'icontains',
  'in',
  'gt',
  'gte',
  'lt',
  'lte',
  'startswith',
  'istartswith',
  'endswith',
  'iendswith',
  'range',
  'date',
  'year',
  'month',
  'day',
  'week',
  'week_day',
  'quarter',
  'time',
  'hour',
  'minute',
  'second',
  'isnull',
  'regex',
  'iregex',
  'search',
  'has_key',
  'has_keys',
  'has_any_keys',
  'contained_by',
  'overlap',
  'len',
  'trigram_similar',
  'unaccent',
]);
/** Lookups that leak a value character by character or probe for keys; comparisons are everyday filters. */
const PROBING = new Set([
  'startswith',
  'istartswith',
  'endswith',
  'iendswith',
  'contains',
  'icontains',
  'regex',
  'iregex',
  'isnull',
  'has_key',
  'has_keys',
  'has_any_keys',
  'contained_by',
]);
const WORD = /^\w+$/;
const SENSITIVE =
  /pass(?:word|wd)?|pwd|secret|token|api_?key|salt|hash|otp|is_(?:admin|staff|superuser)|private|ssn|credit/i;

/** An ORM lookup in a request key, and what makes it suspicious. */
export interface OrmLookup {
  readonly lookup: string;
  /** Relations traversed before the field (`created_by__departments__user` is two). */
  readonly hops: number;
  readonly probing: boolean;
  readonly sensitive: boolean;
}

/**
 * Parses a key like `user__profile__email__startswith`: the ORM-leak shape where request keys reach
 * `filter(**params)`, letting a client walk relations and leak fields (password hashes, tokens) with
 * prefix lookups. `value` (the key's value) counts for `has_key=is_admin`.
 */
export function findOrmLookup(key: string, value: string): OrmLookup | undefined {
  const at = key.indexOf('__');
  if (at <= 0 || key.length > 256) return undefined;
  const parts = key.split('__');
  const lookup = parts[parts.length - 1]!;
  if (parts.length < 2 || !LOOKUPS.has(lookup) || parts.some((p) => p === '' || !WORD.test(p)))
    return undefined;
  return {
    lookup,
    hops: parts.length - 2,
    probing: PROBING.has(lookup),
    sensitive: SENSITIVE.test(key) || (lookup.startsWith('has_') && SENSITIVE.test(value)),
  };
}
