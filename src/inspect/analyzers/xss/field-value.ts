import type { ValueKind } from '../../inspectable.js';
import { fieldName } from '../shared/field-name.js';

const FIELD_KINDS: ReadonlySet<ValueKind> = new Set([
  'query-value',
  'body-value',
  'cookie-value',
  'header-value',
]);
// Fields named for what people type (`q`, `comment`, `message`…) or for code they keep (`code`, `script`,
// `expression`): a lone `alert(1)` there is a search for it, a question about it or a snippet.
const FREE_TEXT_NAME =
  /(?:^|[.[@_-])(?:q|s|k|query|search|keywords?|terms?|text|comments?|message|msg|title|subject|body|content|description|desc|notes?|bio|review|reply|answer|question|feedback|tags?|topic|label|caption|summary|post|story|html|markdown|md|code|script|snippet|source|src|expression|expr|formula|js|javascript|input|value|data|payload|embed|widget|template|css|style|styles|head|footer)\]?$/i;

/**
 * True when a value sits in a parameter, cookie or header that is not named for free text or code: a value
 * that is nothing but one line of script there was not typed as prose.
 * @example isFieldValue('query-value', 'query.redirect') // true
 */
export function isFieldValue(kind: ValueKind, location: string): boolean {
  return FIELD_KINDS.has(kind) && !FREE_TEXT_NAME.test(fieldName(location));
}
