import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { Inspectable, Variant } from '../../inspectable.js';
import { excerpt } from '../shared/excerpt.js';
import { hasLines } from '../shared/line-breaks.js';
import { readOptions } from '../shared/read-options.js';
import { findJsInjection } from './find-js-injection.js';
import { findOperatorKey, type OperatorKey } from './find-operator-keys.js';
import { findOrmLookup } from './find-orm-lookup.js';

const ID = 'nosqli';
const NAME_KINDS = new Set(['query-name', 'body-name', 'cookie-name']);
/** Keys need a `$` (operators) or `__` (ORM lookups); values a `$`, `;`, quote, `}`, `|`, `&` or `db.`. */
const KEY_GATE = /\$|__/;
const VALUE_GATE = /[$;'"}|&]|db\./;
const FREE_TEXT = new Set(['body-text', 'file-content']);
const DOCUMENT_LENGTH = 200;

// A field holding a document of several lines (a post, a README with its code samples): the code it
// quotes ends its strings and statements as code does, without breaking out of anything.
function isDocument(text: string): boolean {
  return text.length > DOCUMENT_LENGTH && hasLines(text);
}

interface Hit {
  readonly rule: string;
  readonly confidence: number;
  readonly text: string;
  readonly at: number;
  readonly transforms: readonly string[];
}

/**
 * A key is a key: any tracked operator in a name or a location counts — less under a filter parameter
 * (`filters[price][$gte]=10`, Strapi's and Parse's query syntax) unless it compares a secret.
 */
function keyHit(key: OperatorKey, inFilter = false): Pick<Hit, 'rule' | 'confidence'> {
  if (key.class === 'javascript') return { rule: `${ID}/js-operator`, confidence: 1 };
  if (key.class === 'query') return { rule: `${ID}/operator-injection`, confidence: inFilter ? 0.7 : 1 };
  return { rule: `${ID}/update-operator`, confidence: 0.6 };
}

// The parameter a key path starts from: `filters` in `query.filters[price][$gte]`.
const PARAMETER_ROOT = /^(?:query|body\.form|body\.json|body\.multipart)\.([^.[#]+)/;
const SECRET = /pass|pwd|secret|token|hash/i;

function underFilter(location: string): boolean {
  const root = PARAMETER_ROOT.exec(location)?.[1];
  return root !== undefined && FILTER_PARAMETERS.has(root.toLowerCase()) && !SECRET.test(location);
}

// Parameters that APIs (Parse, Directus, feathers) fill with a whole filter object on purpose.
const FILTER_PARAMETERS: ReadonlySet<string> = new Set([
  'where',
  'filter',
  'filters',
  'query',
  'q',
  'search',
  'criteria',
  'find',
  'match',
  'selector',
  'conditions',
  'sort',
  'pipeline',
  'aggregate',
  'projection',
]);

/**
 * In a value, an operator counts only in key syntax: `[$ne]` or `{"$gt": ...}`. An operator object in a
 * scalar field (a user name, a password) is injected; in a filter parameter it may be the API's syntax.
 */
function valueKeyHit(
  key: OperatorKey,
  filter: boolean,
  text: string,
): Pick<Hit, 'rule' | 'confidence'> | undefined {
  if (!key.bracketed && !key.objectKey) return undefined;
  const asKey = keyHit(key);
  return key.bracketed || key.class === 'javascript' || !filter || notAFilter(key, text)
    ? asKey
    : { ...asKey, confidence: asKey.confidence - 0.2 };
}

// What may open a filter document before its first key is an operator (`{"$or": [...]}`): the rest compare
// a field and sit under one.
const TOP_LEVEL_OPERATORS = new Set(['or', 'and', 'nor', 'where', 'expr', 'text', 'comment', 'jsonSchema']);
const OPENS_WITH_KEY = /^\s*\{\s*["']?$/;
// `', $or: [ {}, …`: the value closes the application's string first.
const OPENS_WITH_BREAKOUT = /^\s*['"]\s*[,}\]]/;

/**
 * A filter parameter holds a document; `{"$gt": ""}` or `{ $ne: 1 }` alone is no document — a comparison
 * with no field, written to stand for a field's value — and `', $or: …` breaks out of a string.
 */
function notAFilter(key: OperatorKey, text: string): boolean {
  const before = text.slice(0, key.at);
  if (OPENS_WITH_BREAKOUT.test(before)) return true;
  return OPENS_WITH_KEY.test(before) && !TOP_LEVEL_OPERATORS.has(key.operator);
}

function ormHit(key: string, value: string, transforms: readonly string[]): Hit | undefined {
  const found = findOrmLookup(key, value);
  if (found === undefined) return undefined;
  const confidence =
    found.sensitive || found.hops >= 2
      ? 0.9
      : found.hops === 1
        ? found.probing
          ? 0.7
          : 0.5
        : found.probing
          ? 0.5
          : 0;
  return confidence === 0
    ? undefined
    : { rule: `${ID}/orm-lookup`, confidence, text: key, at: 0, transforms };
}

function lastKey(location: string): string {
  const hash = location.indexOf('#');
  const end = hash < 0 ? location.length : hash;
  return location.slice(location.lastIndexOf('.', end - 1) + 1, end);
}

/** Every injection shape needs a `;`, a `}`, `db.`, or `||`/`&&` with a quote or a `==`. */
function mayHoldJs(s: string): boolean {
  if (s.indexOf(';') >= 0 || s.indexOf('}') >= 0 || s.indexOf('db.') >= 0) return true;
  return (
    (s.indexOf('|') >= 0 || s.indexOf('&') >= 0) &&
    (s.indexOf("'") >= 0 || s.indexOf('"') >= 0 || s.indexOf('==') >= 0)
  );
}

function stronger(a: Hit | undefined, b: Hit | undefined): Hit | undefined {
  if (a === undefined) return b;
  return b !== undefined && b.confidence > a.confidence ? b : a;
}

function variantHit(item: Inspectable, variant: Variant, end: number): Hit | undefined {
  const text = variant.value;
  const isName = NAME_KINDS.has(item.kind);
  if (!(isName ? KEY_GATE : VALUE_GATE).test(text)) return undefined;
  const transforms = variant.transforms;
  let best: Hit | undefined;
  if (text.indexOf('$') >= 0) {
    const key = findOperatorKey(text, end);
    const filter = FILTER_PARAMETERS.has(lastKey(item.location).toLowerCase());
    const found =
      key === undefined
        ? undefined
        : isName
          ? keyHit(key, underFilter(item.location))
          : valueKeyHit(key, filter, text);
    if (found !== undefined) best = { ...found, text, at: key!.at, transforms };
  }
  if (!isName && mayHoldJs(text)) {
    const js = findJsInjection(text.length > end ? text.slice(0, end) : text);
    if (js !== undefined) {
      // Judged on the value as received: folded spellings have lost its line breaks.
      const quoted = FREE_TEXT.has(item.kind) || isDocument(item.value);
      const confidence = quoted ? 0.5 : js.form === 'comparison' ? 0.85 : 0.9;
      best = stronger(best, { rule: `${ID}/js-injection`, confidence, text, at: js.at, transforms });
    }
  }
  if (isName && text.indexOf('__') >= 0) best = stronger(best, ormHit(text, '', transforms));
  return best;
}

/** Keys travel in locations too: `query.u[$ne]`, `body.json.user.$gt`, `query.data__has_key`. */
function locationHit(item: Inspectable): Hit | undefined {
  const { location } = item;
  if (NAME_KINDS.has(item.kind) || !KEY_GATE.test(location)) return undefined;
  let best: Hit | undefined;
  if (location.indexOf('$') >= 0) {
    const key = findOperatorKey(location, location.length);
    if (key !== undefined)
      best = { ...keyHit(key, underFilter(location)), text: location, at: key.at, transforms: [] };
  }
  if (location.indexOf('__') >= 0) best = stronger(best, ormHit(lastKey(location), item.value, []));
  return best;
}

/**
 * NoSQL (MongoDB) injection: operator keys smuggled through query, form and JSON keys (`u[$ne]=`,
 * `{"$where": ...}`), operators inside JSON-string values, JavaScript injected into `$where` strings,
 * and Django-style ORM lookups in keys (`user__password__startswith`), the relational cousin.
 * @example createNosqliAnalyzer().analyzeValue?.(value) // name `u_id[$ne]` → nosqli/operator-injection
 */
export function createNosqliAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxLength } = readOptions(ID, options);
  return {
    id: ID,
    analyzeValue({ item, variants }) {
      let best = locationHit(item);
      for (const variant of variants) {
        if (best !== undefined && best.confidence >= 1) break;
        best = stronger(best, variantHit(item, variant, Math.min(variant.value.length, maxLength)));
      }
      if (best === undefined) return [];
      const finding: Finding = {
        analyzer: ID,
        rule: best.rule,
        confidence: best.confidence,
        location: item.location,
        evidence: excerpt(best.text, best.at),
        transforms: best.transforms,
      };
      return [finding];
    },
  };
}
