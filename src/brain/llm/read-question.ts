import type { Action } from '../../core/index.js';
import type { AnalystQuery } from './analyst-query.js';
import { ATTACK_CATEGORIES } from './attack-categories.js';
import { findAddresses } from './ip-addresses.js';
import { stripLiterals } from './strip-literals.js';
import { timeWindow, UNIT_WORD } from './time-phrases.js';

/** What a question states in the operator's own words. */
export interface QuestionFacts {
  /** The question with its literals taken out: all a model may see of it. */
  readonly text: string;
  /** Addresses the operator named (outside literals), in order. */
  readonly addresses: readonly string[];
  /** Each field the question states plainly; these win over a model's reading. */
  readonly query: Partial<{ -readonly [K in keyof AnalystQuery]: AnalystQuery[K] }>;
  /** What the rules guess beyond that (a path from "login page"), for their own answer only. */
  readonly guesses: Partial<AnalystQuery>;
}

const ACTION_PHRASES: readonly [Action, RegExp][] = [
  ['ratelimit', /\b(?:rate[ -]?limit(?:ed|s)?|throttled)\b/],
  ['challenge', /\b(?:challeng(?:e|ed|es)|captchas?)\b/],
  ['labyrinth', /\b(?:labyrinth|maze|trapped|decoys?)\b/],
  ['tarpit', /\btarpit(?:s|ted)?\b/],
  ['block', /\b(?:block(?:ed|s)?|denied|rejected|banned)\b/],
  ['log', /\b(?:logged|detect[ -]only)\b/],
  ['allow', /\b(?:allowed|let through|got through|passed through)\b/],
];
const NOT_A_NAME = new Set(
  'the a an this that which what any every each same one home main web landing error is was were did had'.split(
    ' ',
  ),
);

function pathOf(text: string): string | undefined {
  const path = /(?:^|[\s(,])(\/[\w.~%!$&*+=:@/-]*)/.exec(text)?.[1]?.replace(/[.,:;!]+$/, '');
  return path !== '/' ? path : undefined;
}

// "the login page" most likely means `/login`, but that is a guess, not something the question states.
function pagePathOf(text: string): string | undefined {
  const named = /\b([a-z][a-z0-9_-]{1,30})\s+(?:page|endpoint|route|form)\b/.exec(text.toLowerCase())?.[1];
  return named !== undefined && !NOT_A_NAME.has(named) ? `/${named}` : undefined;
}

function siteOf(text: string): string | undefined {
  const site =
    /(?<![\w-]|cross[ -])site\s+(?:named\s+|called\s+)?([a-z0-9][a-z0-9_-]{0,63})\b/.exec(text)?.[1] ??
    /\b(?:on|for|of|at)\s+(?:the\s+)?([a-z0-9][a-z0-9_-]{0,63})\s+site\b/.exec(text)?.[1];
  return site !== undefined && !NOT_A_NAME.has(site) ? site : undefined;
}

/**
 * Reads a question the way a small parser can: addresses, an action word, an attack family, a path (or
 * "login page"), a site, a time window (UTC), a count. The rule-based answer is exactly this reading.
 * @example readQuestion('blocked requests from 203.0.113.7 in the last hour', now).query
 * // { client: '203.0.113.7', action: 'block', from: now - 3_600_000 }
 */
export function readQuestion(question: string, now: number): QuestionFacts {
  const text = stripLiterals(question);
  const lower = text.toLowerCase();
  // An address followed by a prefix length is a range, which an exact-client filter cannot express.
  const addresses = findAddresses(text).filter(
    (a) => !new RegExp(`${a.replace(/[.]/g, '\\.')}/\\d`).test(lower),
  );
  const query: QuestionFacts['query'] = { ...timeWindow(lower, now) };
  // Several addresses cannot be one exact-client filter: the query then covers every client.
  if (addresses.length === 1) query.client = addresses[0];
  // Words inside a path (`/index.php`, `/blocked`) name neither an action nor an attack family.
  const words = lower.replace(/(?:^|\s)\/\S*/g, ' ');
  const action = ACTION_PHRASES.find(([, phrase]) => phrase.test(words))?.[0];
  if (action !== undefined) query.action = action;
  const category = ATTACK_CATEGORIES.find((c) => c.phrases.test(words))?.id;
  if (category !== undefined) query.category = category;
  const path = pathOf(text);
  if (path !== undefined) query.path = path;
  const pagePath = path === undefined ? pagePathOf(text) : undefined;
  const site = siteOf(lower);
  if (site !== undefined) query.site = site;
  const count = new RegExp(
    `\\b(?:top|first|last|latest|newest)\\s+(\\d{1,4})\\b(?!\\s*${UNIT_WORD.source})`,
  ).exec(lower)?.[1];
  if (count !== undefined) query.limit = Math.min(1000, Math.max(1, Number(count)));
  return { text, addresses, query, guesses: pagePath === undefined ? {} : { path: pagePath } };
}
