import type { RequestView } from '../core/index.js';
import type { Inspectable } from './inspectable.js';

/** A request after extraction: the view it came from and every inspectable value in it. */
export interface ParsedRequest {
  readonly view: RequestView;
  readonly values: readonly Inspectable[];
  /** Lower-cased media type of the body without parameters, '' when there is none. */
  readonly contentType: string;
  /** Limits that extraction ran into (`body-bytes`, `args`, `depth`), empty when none. */
  readonly overLimits: readonly string[];
}
