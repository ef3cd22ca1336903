import { foldSql } from './fold-sql.js';
import { parseSqlTail } from './parse-sql-tail.js';
import { sqlEvidence } from './sql-evidence.js';
import { SQL_NEED, sqlNeed } from './sql-need.js';
import type { SqlHit } from './sql-rule.js';
import { SQL_RULES } from './sql-rules.js';
import type { SqlView } from './sql-view.js';
import { hasNestedComment, type SqlQuote, tokenizeSql } from './tokenize-sql.js';

/** One rule that matched a value, in the context where it matched best. */
export interface SqliDetection {
  /** `sqli/<rule>` */
  readonly rule: string;
  readonly confidence: number;
  readonly evidence: string;
}

/** Bounds on the work spent on one value. */
export interface SqliLimits {
  /** Characters of a value that are tokenized. */
  readonly maxLength: number;
  /** Tokens per context. */
  readonly maxTokens: number;
}

// Bare (numeric) first: its findings name the value as received.
const CONTEXTS: readonly SqlQuote[] = ['', "'", '"'];
const NONE: readonly SqliDetection[] = Object.freeze([]);
const MAX_DETECTIONS = 4;
// Tokens read before deciding whether a value without SQL keywords is worth reading whole.
const PROBE_TOKENS = 24;
const CUT_MARGIN = 4;

/**
 * Judges a value as if pasted into an SQL query bare (numeric), inside '...' and inside "...": tokenizes it in
 * each context, folds it, and returns the strongest match of each rule, strongest first.
 */
export function detectSqli(value: string, limits: SqliLimits): readonly SqliDetection[] {
  const need = sqlNeed(value, limits.maxLength);
  if (need === SQL_NEED.none) return NONE;
  const input = value.length > limits.maxLength ? value.slice(0, limits.maxLength) : value;
  const best = new Map<string, SqliDetection>();
  // MySQL ends a comment at the first `*/`; PostgreSQL and SQL Server nest them: read both ways when they differ.
  judgeContexts(input, need, limits.maxTokens, false, best);
  if (hasNestedComment(input)) judgeContexts(input, need, limits.maxTokens, true, best);
  if (best.size === 0) return NONE;
  return [...best.values()].sort((a, b) => b.confidence - a.confidence).slice(0, MAX_DETECTIONS);
}

/** Runs every rule over each SQL context of one reading of `input`, keeping the strongest match per rule. */
function judgeContexts(
  input: string,
  need: number,
  maxTokens: number,
  nested: boolean,
  best: Map<string, SqliDetection>,
): void {
  for (const quote of CONTEXTS) {
    // Without its quote character, a quoted context is one string: nothing to break out of.
    if (quote !== '' && !input.includes(quote)) continue;
    const analyzed = analyzeContext(input, quote, need, maxTokens, nested);
    if (analyzed === undefined) continue;
    const { view, tail, invalid } = analyzed;
    for (const rule of SQL_RULES) {
      if (invalid && rule.needsValid !== false) continue;
      const hit = rule.check(view, tail);
      if (hit === undefined) continue;
      const previous = best.get(rule.name);
      if (previous !== undefined && previous.confidence >= hit.confidence) continue;
      const confidence = Math.round(hit.confidence * 100) / 100;
      best.set(rule.name, { rule: `sqli/${rule.name}`, confidence, evidence: evidence(view, hit) });
    }
  }
}

/**
 * Tokenizes, folds and reads the tail of a value in one context. Without SQL keywords only the breakout
 * rules can match, and most need valid SQL: a first slice of tokens that is already invalid (prose) settles
 * it without tokenizing the rest, leaving only the rules that read the value's opening.
 */
function analyzeContext(input: string, quote: SqlQuote, need: number, maxTokens: number, nested: boolean) {
  const probe = need === SQL_NEED.full ? maxTokens : Math.min(PROBE_TOKENS, maxTokens);
  let view = foldSql(input, quote, tokenizeSql(input, quote, probe, nested));
  if (view.tokens.length === 0) return undefined;
  let tail = parseSqlTail(view);
  if (need === SQL_NEED.full) return { view, tail, invalid: false };
  const cut =
    probe < maxTokens && view.tokens.length + (view.trailingComment ? 1 : 0) + view.innerComments >= probe;
  // Invalid well before the cut is invalid whatever follows; near the cut, the rest may complete it.
  const invalid =
    tail === undefined || (!tail.valid && tail.end < view.tokens.length - (cut ? CUT_MARGIN : 0));
  if (invalid) return { view, tail, invalid };
  if (cut) {
    view = foldSql(input, quote, tokenizeSql(input, quote, maxTokens, nested));
    tail = parseSqlTail(view);
  }
  return { view, tail, invalid: false };
}

function evidence(view: SqlView, hit: SqlHit): string {
  const first = view.tokens[hit.first]!;
  const last = view.tokens[hit.last]!;
  // In a quoted context the first token is the application's literal: show from the quote that closes it.
  const start = hit.first === 0 && view.quote !== '' ? Math.max(0, first.end - 1) : first.start;
  const end =
    view.trailingComment !== undefined && hit.last === view.tokens.length - 1 ? view.input.length : last.end;
  return sqlEvidence(view.input, start, end);
}
