import type { Prng } from '../random/prng.js';

/** Word-level order-2 Markov text: each word follows from the two before it, as in the training text. */
export interface MarkovChain {
  /** One sentence, starting as a sentence of the training text starts, of at most `maxWords` words. */
  sentence(rng: Prng, maxWords?: number): string;
}

/** How the chain writes its words, e.g. escaped once at training rather than on every page. */
export interface MarkovOptions {
  readonly writeWord?: (word: string) => string;
}

const DEFAULT_MAX_WORDS = 32;
const TERMINAL = /[.!?]["')]?$/;
const CAPITAL = /^["'(]?[A-Z]/;
const PAUSE = /[,;:]$/;

interface Tables {
  readonly words: readonly string[];
  readonly terminal: readonly boolean[];
  /** Per state (a pair of words): where its followers start in `nextWord`/`nextState`, and how many. */
  readonly first: Int32Array;
  readonly count: Int32Array;
  /** A follower's word, and the state (second word, follower) it leads to. */
  readonly nextWord: Int32Array;
  readonly nextState: Int32Array;
  /** Token positions where a sentence starts, as state ids. */
  readonly starts: Int32Array;
  readonly stateWords: Int32Array;
}

// Every pair of consecutive words is a state with a small integer id, so generating a word is two array
// reads: no hashing of pair keys on the hot path.
function buildTables(tokens: readonly string[], write: (word: string) => string): Tables {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const seq = tokens.map((token) => {
    let id = ids.get(token);
    if (id === undefined) {
      id = words.push(token) - 1;
      ids.set(token, id);
    }
    return id;
  });
  const terminal = words.map((word) => TERMINAL.test(word));
  const stateIds = new Map<number, number>();
  const stateAt = new Int32Array(Math.max(seq.length - 1, 0));
  const stateWords: number[] = [];
  for (let i = 0; i + 1 < seq.length; i++) {
    const key = seq[i]! * words.length + seq[i + 1]!;
    let state = stateIds.get(key);
    if (state === undefined) {
      state = stateWords.push(seq[i]!, seq[i + 1]!) / 2 - 1;
      stateIds.set(key, state);
    }
    stateAt[i] = state;
  }
  const followers: number[][] = Array.from({ length: stateIds.size }, () => []);
  const starts: number[] = [];
  for (let i = 0; i + 1 < seq.length; i++) {
    if (i + 2 < seq.length) followers[stateAt[i]!]!.push(seq[i + 2]!, stateAt[i + 1]!);
    if ((i === 0 || terminal[seq[i - 1]!]) && CAPITAL.test(tokens[i]!) && !terminal[seq[i]!])
      starts.push(stateAt[i]!);
  }
  const first = new Int32Array(followers.length);
  const count = new Int32Array(followers.length);
  const flat = followers.flat();
  for (let s = 0, at = 0; s < followers.length; s++) {
    first[s] = at / 2;
    count[s] = followers[s]!.length / 2;
    at += followers[s]!.length;
  }
  return {
    words: words.map(write),
    terminal,
    first,
    count,
    nextWord: Int32Array.from(flat.filter((_, i) => i % 2 === 0)),
    nextState: Int32Array.from(flat.filter((_, i) => i % 2 === 1)),
    starts: Int32Array.from(starts),
    stateWords: Int32Array.from(stateWords),
  };
}

/**
 * Learns the chain from plain text, once; generating from it then costs two array reads per word.
 * @example trainMarkovChain(CORPUS_TEXT).sentence(rng)
 */
export function trainMarkovChain(text: string, options: MarkovOptions = {}): MarkovChain {
  const t = buildTables(
    text.split(/\s+/).filter((token) => token !== ''),
    options.writeWord ?? ((word) => word),
  );
  if (t.starts.length === 0)
    throw new TypeError('labyrinth: the training text has no sentence to learn from');
  return {
    sentence(rng, maxWords = DEFAULT_MAX_WORDS) {
      let state = t.starts[rng.below(t.starts.length)]!;
      let word = t.stateWords[2 * state + 1]!;
      const out = [t.words[t.stateWords[2 * state]!]!, t.words[word]!];
      while (!t.terminal[word] && out.length < maxWords && t.count[state]! > 0) {
        const at = t.first[state]! + rng.below(t.count[state]!);
        word = t.nextWord[at]!;
        state = t.nextState[at]!;
        out.push(t.words[word]!);
      }
      const sentence = out.join(' ');
      return t.terminal[word] ? sentence : `${sentence.replace(PAUSE, '')}.`;
    },
  };
}
