import type { ValueKind } from '../../inspectable.js';
import type { ScanBudget } from './scan-budget.js';
import type { TagSpans } from './tag-spans.js';
import type { XssHits } from './xss-hits.js';

/** What every XSS check sees of the text it scans. */
export interface ScanContext {
  readonly text: string;
  /** Where the scan stops: the analyzer's length cap. */
  readonly end: number;
  readonly kind: ValueKind;
  /** Where the value came from (`query.id`, `body.form.q`): some checks weigh what a field is named for. */
  readonly location: string;
  readonly hits: XssHits;
  /** Decodings already applied by the analyzer to get `text` (`utf7-decode`, `nfkc`, `html-entities`). */
  readonly transforms: readonly string[];
  /** Parsed tags, so that text checks skip what the tag checks already weighed. */
  readonly spans: TagSpans;
  /** Nesting of markup found inside attribute values (`srcdoc`, entity-encoded HTML). */
  readonly depth: number;
  /** Shared by the nested scans of one spelling. */
  readonly budget: ScanBudget;
}
