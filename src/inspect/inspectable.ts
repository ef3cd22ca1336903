/** What part of a request a value came from; analyzers weigh the same text differently by kind. */
export type ValueKind =
  | 'method'
  | 'path'
  | 'path-segment'
  | 'query-name'
  | 'query-value'
  | 'header-name'
  | 'header-value'
  | 'cookie-name'
  | 'cookie-value'
  | 'body-name'
  | 'body-value'
  | 'body-text'
  | 'file-name'
  | 'file-content'
  | 'xml-doctype';

/** One value extracted from a request, with where it came from. */
export interface Inspectable {
  /** `path`, `path.2`, `query.id`, `header.user-agent`, `cookie.session`, `body.json.user.name`, `body.form.q`. */
  readonly location: string;
  readonly kind: ValueKind;
  /** The value as received (percent-encoding of the query and form bodies still in place). */
  readonly value: string;
}

/** A normalized spelling of a value and the transforms that produced it, in order. */
export interface Variant {
  readonly value: string;
  readonly transforms: readonly string[];
}

/** A value with its normalized variants: what a value analyzer receives. */
export interface InspectedValue {
  readonly item: Inspectable;
  /** The first variant is the value as received; the others are distinct normalized spellings. */
  readonly variants: readonly Variant[];
}
