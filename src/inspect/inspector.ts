import type { Finding, RequestView } from '../core/index.js';
import type { Analyzer } from './analyzer.js';
import { inFreeTextField } from './analyzers/shared/free-text-field.js';
import { hasLines } from './analyzers/shared/line-breaks.js';
import type { BodyRest } from './extract/extract-body-rest.js';
import type { Inspectable, InspectedValue, Variant } from './inspectable.js';
import type { ParsedRequest } from './parsed-request.js';
import { isPlainText } from './plain-text.js';
import { scoreFindings } from './score.js';
import type { ValueMemo } from './value-memo.js';

/** What inspecting one request found. */
export interface Inspection {
  readonly findings: readonly Finding[];
  /** Limits extraction ran into (`body-bytes`, `args`, `depth`). */
  readonly overLimits: readonly string[];
  /** True when the time budget ran out before every value was analyzed. */
  readonly overBudget: boolean;
  /** True when the findings reached `decisiveScore` and the rest of the request was not analyzed. */
  readonly decided: boolean;
}

/** How one call inspects. */
export interface InspectOptions {
  /**
   * Stop once the findings score this much: what is left could only add to a verdict already reached.
   * Left out, every value goes through every analyzer (to explain a request in full).
   */
  readonly decisiveScore?: number;
  /** Drops findings as they are made (scoped exclusions), so that only kept ones count toward the score. */
  readonly keep?: (findings: readonly Finding[]) => readonly Finding[];
  /** Replaces the inspector's time budget for this call (what is left of a budget shared with others). */
  readonly budgetMs?: number;
}

/** Runs every analyzer over a request; pure apart from reading the clock for the budget. */
export interface Inspector {
  inspect(view: RequestView, options?: InspectOptions): Inspection;
  /**
   * Inspects the rest of a body that goes on past the prefix in `view.body`: each call reads the next
   * window of it, in order, `last` once the body ended, with the value analyzers only (the request itself
   * was inspected with the prefix), within `budgetMs` when given.
   */
  inspectRest(
    view: RequestView,
    options?: InspectOptions,
  ): (window: Uint8Array, last: boolean, budgetMs?: number) => Inspection;
  readonly analyzers: readonly string[];
}

/** What the inspector is built from. */
export interface InspectorParts {
  readonly analyzers: readonly Analyzer[];
  /** Turns a request into its inspectable values. */
  readonly extract: (view: RequestView) => ParsedRequest;
  /** Reads the rest of a body past the prefix in `view.body`, one window at a time (`inspectRest`). */
  readonly extractRest?: (view: RequestView) => BodyRest;
  /** The distinct normalized spellings of a value; the first is the value itself. */
  readonly normalize: (item: Inspectable) => readonly Variant[];
  /** Most milliseconds one request may take; the values not reached by then are not analyzed. */
  readonly budgetMs?: number;
  /** Remembers the findings of recurring values (headers, paths) so each distinct one is analyzed once. */
  readonly memo?: ValueMemo;
  /** A monotonic clock in milliseconds. */
  readonly now?: () => number;
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);
const CLEAN: Inspection = Object.freeze({
  findings: NO_FINDINGS,
  overLimits: Object.freeze([]),
  overBudget: false,
  decided: false,
});
/** Reading the clock costs as much as a cheap analyzer: look at it every few values only. */
const CLOCK_EVERY = 8;
const PLUS_SPACE = 'plus-space';

/**
 * The value without its received spelling when that spelling differs from the next only by `+` for a
 * space (a form or query value with nothing else encoded): the next spelling is what the server reads,
 * and a long prose field is then scanned once instead of twice.
 */
function withoutFormPlus(value: InspectedValue): InspectedValue {
  const { variants } = value;
  const next = variants[1];
  if (next === undefined || next.transforms.length !== 1 || next.transforms[0] !== PLUS_SPACE) return value;
  return { item: value.item, variants: variants.slice(1) };
}

const DOCUMENT_LENGTH = 1024;
const DOCUMENT_LINES = 3;
const CERTAIN = 0.9;

/**
 * A long text of several lines typed into a field named for text (a post, an answer, a README): it may
 * quote code, which several analyzers each see a little of.
 */
function isDocument(item: Inspectable): boolean {
  if (item.kind !== 'body-value' || item.value.length < DOCUMENT_LENGTH) return false;
  return hasLines(item.value, DOCUMENT_LINES) && inFreeTextField(item.location);
}

/**
 * What a document's findings count for: all of them when one is certain on its own; otherwise only the
 * strongest, since weak signals read from the same quoted code do not corroborate one another.
 */
function uncorroborated(found: readonly Finding[]): readonly Finding[] {
  if (found.length < 2) return found;
  let strongest = found[0]!;
  for (const f of found) {
    if (f.confidence >= CERTAIN) return found;
    if (f.confidence > strongest.confidence) strongest = f;
  }
  return [strongest];
}

function append(findings: readonly Finding[], found: readonly Finding[]): readonly Finding[] {
  // Most requests find nothing: allocate only for the ones that do.
  if (found.length === 0) return findings;
  return findings.length === 0 ? found : [...findings, ...found];
}

/**
 * Creates an inspector: extract, then request analyzers over the whole request and value analyzers over
 * each value's normalized variants, within the time budget.
 * @example createInspector({ analyzers, extract, normalize }).inspect(view).findings
 */
export function createInspector(parts: InspectorParts): Inspector {
  const requestAnalyzers = parts.analyzers.filter((a) => a.analyzeRequest !== undefined);
  const restAnalyzers = parts.analyzers.filter((a) => a.analyzeBodyRest !== undefined);
  const valueAnalyzers = parts.analyzers.filter((a) => a.analyzeValue !== undefined);
  const plainAnalyzers = valueAnalyzers.filter((a) => a.quietOnPlainText !== true);
  const defaultBudget = parts.budgetMs ?? Number.POSITIVE_INFINITY;
  const now = parts.now ?? (() => performance.now());
  const memo = parts.memo;
  // What every analyzer finds in one value: the memo keeps whole answers only.
  const analyzeAll = (item: Inspectable): readonly Finding[] => {
    const value: InspectedValue = { item, variants: parts.normalize(item) };
    const spaced = withoutFormPlus(value);
    const analyzers = isPlainText(value.variants) ? plainAnalyzers : valueAnalyzers;
    let found = NO_FINDINGS;
    for (const analyzer of analyzers)
      found = append(found, analyzer.analyzeValue!(analyzer.readsFormPlus === true ? value : spaced));
    return found;
  };
  // Inspects one parsed request (or window of a body); request analyzers run only when `whole`.
  const run = (
    request: ParsedRequest,
    whole: boolean,
    options: InspectOptions,
    started: number,
  ): Inspection => {
    const decisive = options.decisiveScore ?? Number.POSITIVE_INFINITY;
    const keep = options.keep;
    const budget = options.budgetMs ?? defaultBudget;
    let findings = NO_FINDINGS;
    let decided = false;
    // Adds what one analyzer found; true once the findings settle the verdict.
    const add = (found: readonly Finding[]): boolean => {
      const kept = keep === undefined || found.length === 0 ? found : keep(found);
      if (kept.length === 0) return false;
      findings = append(findings, kept);
      decided = scoreFindings(findings) >= decisive;
      return decided;
    };
    if (whole) for (const analyzer of requestAnalyzers) if (add(analyzer.analyzeRequest!(request))) break;
    if (!whole) for (const analyzer of restAnalyzers) if (add(analyzer.analyzeBodyRest!(request))) break;
    let overBudget = false;
    const documentSignals = new Map<string, Finding>();
    const values = request.values;
    for (let i = 0; i < values.length && valueAnalyzers.length > 0 && !decided; i++) {
      if (i % CLOCK_EVERY === CLOCK_EVERY - 1 && now() - started > budget) {
        overBudget = true;
        break;
      }
      const item = values[i]!;
      if (memo?.accepts(item)) {
        let found = memo.get(item);
        if (found === undefined) {
          found = analyzeAll(item);
          memo.set(item, found);
        }
        add(found);
        continue;
      }
      if (isDocument(item)) {
        const found = uncorroborated(analyzeAll(item));
        const weak = found.length === 1 && found[0]!.confidence < CERTAIN ? found[0]! : undefined;
        // A document's end (see the extraction of long values) is the same document: one weak signal
        // for the two.
        const earlier = weak === undefined ? undefined : documentSignals.get(item.location);
        if (weak !== undefined && earlier !== undefined) {
          if (earlier.confidence >= weak.confidence) continue;
          findings = findings.filter((f) => f !== earlier);
        }
        if (weak !== undefined) documentSignals.set(item.location, weak);
        add(found);
        continue;
      }
      const value: InspectedValue = { item, variants: parts.normalize(item) };
      const spaced = withoutFormPlus(value);
      const analyzers = isPlainText(value.variants) ? plainAnalyzers : valueAnalyzers;
      for (const analyzer of analyzers)
        if (add(analyzer.analyzeValue!(analyzer.readsFormPlus === true ? value : spaced))) break;
    }
    if (findings.length === 0 && request.overLimits.length === 0 && !overBudget) return CLEAN;
    return { findings, overLimits: request.overLimits, overBudget, decided };
  };
  return {
    analyzers: parts.analyzers.map((a) => a.id),
    inspect(view, options = {}) {
      if (parts.analyzers.length === 0) return CLEAN;
      const started = now();
      return run(parts.extract(view), true, options, started);
    },
    inspectRest(view, options = {}) {
      const extractRest = parts.extractRest;
      if (extractRest === undefined || (valueAnalyzers.length === 0 && restAnalyzers.length === 0))
        return () => CLEAN;
      const rest = extractRest(view);
      return (window, last, budgetMs) => {
        const started = now();
        const within = budgetMs === undefined ? options : { ...options, budgetMs };
        return run(rest.next(window, last), false, within, started);
      };
    },
  };
}
