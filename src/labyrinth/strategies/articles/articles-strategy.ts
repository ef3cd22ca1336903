import { escapeHtml } from '../../../core/index.js';
import { CORPUS_TEXT } from '../../corpus/text.js';
import { type MarkovChain, trainMarkovChain } from '../../markov/markov-chain.js';
import type { TrapStrategy, TrapStrategyFactory } from '../trap-strategy.js';
import { articlePage } from './article-page.js';

/**
 * For crawlers and scrapers: endless blog articles of Markov-chain prose trained on the bundled corpus
 * (and `extraText`), learned at the first article so that a maze that never serves one never pays for it.
 * @example createArticlesStrategy({ extraText: siteText }).render(ctx).contentType // 'text/html; charset=utf-8'
 */
export const createArticlesStrategy: TrapStrategyFactory = (options): TrapStrategy => {
  const { extraText } = options;
  if (extraText !== undefined && typeof extraText !== 'string')
    throw new TypeError('labyrinth: articles: extraText must be a string');
  let chain: MarkovChain | undefined;
  return {
    name: 'articles',
    templates: [],
    render(ctx) {
      chain ??= trainMarkovChain(extraText ? `${CORPUS_TEXT}\n${extraText}` : CORPUS_TEXT, {
        writeWord: escapeHtml,
      });
      return articlePage(ctx, chain);
    },
  };
};
