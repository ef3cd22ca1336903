/** The result of a transform: the new value, and whether it differs from the input. */
export interface TransformResult {
  readonly value: string;
  readonly changed: boolean;
}

/** A pure normalization step, registered by name (`url-decode`, `html-entities`, ...). */
export interface Transform {
  readonly name: string;
  apply(input: string): TransformResult;
}

/** The result of a transform that changed nothing. */
export function unchanged(value: string): TransformResult {
  return { value, changed: false };
}
