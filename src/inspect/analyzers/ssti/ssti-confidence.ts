import type { Signal } from './judge-expression.js';

/**
 * Where a value lives: a parameter, header, cookie or path (`param`); a short body field (`field`); or
 * free text — a whole body, a file, a long or multi-line field — where templates may simply be content.
 */
export type SstiContext = 'param' | 'field' | 'text';

/** How a template construct sits in its value. */
export interface Placement {
  readonly context: SstiContext;
  /** The construct is the whole value: a probe, not a template someone wrote. */
  readonly whole: boolean;
  /** A statement whose end tag (`{% endif %}`, `</#list>`, `#end`) follows in the value. */
  readonly closedBlock: boolean;
}

type Row = Readonly<Record<SstiContext, number>>;

const TABLE: Readonly<Record<Signal, { readonly plain: Row; readonly whole: Row }>> = {
  strong: { plain: { param: 1, field: 1, text: 0.9 }, whole: { param: 1, field: 1, text: 0.9 } },
  sink: { plain: { param: 1, field: 1, text: 0.7 }, whole: { param: 1, field: 1, text: 0.7 } },
  statement: { plain: { param: 0.9, field: 0.6, text: 0 }, whole: { param: 1, field: 0.9, text: 0 } },
  context: { plain: { param: 0.8, field: 0.5, text: 0 }, whole: { param: 1, field: 1, text: 0 } },
  probe: { plain: { param: 0.7, field: 0.5, text: 0.3 }, whole: { param: 1, field: 1, text: 0.5 } },
  call: { plain: { param: 0.5, field: 0, text: 0 }, whole: { param: 0.9, field: 0.5, text: 0 } },
};

/**
 * Confidence of a signal where it sits. Code execution is an attack anywhere; statements, context
 * objects, probes and calls are strong in parameters and headers but may be template content in free text;
 * a parameter that is nothing but `{{ x.y() }}` asks whether the server evaluates it, as `{{7*7}}` does.
 * A statement block closed by its end tag counts as a whole construct.
 */
export function sstiConfidence(signal: Signal, place: Placement): number {
  const row = TABLE[signal];
  const whole = place.whole || (signal === 'statement' && place.closedBlock);
  return (whole ? row.whole : row.plain)[place.context];
}
