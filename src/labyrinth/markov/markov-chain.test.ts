import { describe, expect, it } from 'vitest';
import { CORPUS_TEXT } from '../corpus/text.js';
import { Prng } from '../random/prng.js';
import { trainMarkovChain } from './markov-chain.js';

const chain = trainMarkovChain(CORPUS_TEXT);
const corpusWords = CORPUS_TEXT.split(/\s+/).filter((w) => w !== '');
const triples = new Set(corpusWords.slice(2).map((w, i) => `${corpusWords[i]} ${corpusWords[i + 1]} ${w}`));
const rngOf = (n: number) => new Prng(new Uint8Array(16).fill(n));

describe('trainMarkovChain', () => {
  it('writes sentences whose every three consecutive words occur in the training text', () => {
    const rng = rngOf(1);
    for (let i = 0; i < 500; i++) {
      const words = chain.sentence(rng).split(' ');
      expect(words[0]).toMatch(/^[A-Z]/);
      expect(words.at(-1)).toMatch(/[.!?]$/);
      for (let w = 2; w < words.length - 1; w++)
        expect(triples.has(words.slice(w - 2, w + 1).join(' '))).toBe(true);
    }
  });

  it('is deterministic for the same random stream, and stops at maxWords', () => {
    const a = Array.from(
      { length: 20 },
      (
        (rng) => () =>
          chain.sentence(rng)
      )(rngOf(2)),
    );
    const b = Array.from(
      { length: 20 },
      (
        (rng) => () =>
          chain.sentence(rng)
      )(rngOf(2)),
    );
    expect(a).toEqual(b);
    const rng = rngOf(3);
    for (let i = 0; i < 100; i++) expect(chain.sentence(rng, 6).split(' ').length).toBeLessThanOrEqual(6);
  });

  it('writes its words as told, and refuses text without a sentence', () => {
    const shouting = trainMarkovChain('Cats <purr> & nap. Dogs <bark> & run.', {
      writeWord: (w) => w.toUpperCase(),
    });
    expect(shouting.sentence(rngOf(4))).toMatch(/^(?:CATS <PURR> & NAP\.|DOGS <BARK> & RUN\.)$/);
    expect(() => trainMarkovChain('no capital letters here')).toThrow(TypeError);
  });
});
