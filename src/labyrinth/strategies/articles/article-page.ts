import { escapeHtml } from '../../../core/index.js';
import { linkHtml, linkList } from '../../html/link-list.js';
import type { MarkovChain } from '../../markov/markov-chain.js';
import type { MazePage } from '../../maze-types.js';
import type { MazeLink } from '../../path/maze-link.js';
import { titleCase } from '../../path/title-case.js';
import type { PageContext } from '../page-context.js';
import { decoyHtmlPage } from '../shared/decoy-html-page.js';
import { decoyPerson } from '../shared/decoy-person.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
// The chain's words come HTML-escaped: a heading drops their entities along with their punctuation.
const NOT_WORD = /&[#a-z0-9]+;|[^A-Za-z0-9-]/g;

// A few words from the chain, as a heading is: no punctuation, first word capitalized.
function phrase(chain: MarkovChain, ctx: PageContext, min: number, max: number): string {
  const words = chain.sentence(ctx.rng, max).split(' ').slice(0, ctx.rng.between(min, max));
  return titleCase(words.map((w) => w.replace(NOT_WORD, '')).filter((w) => w !== ''));
}

function paragraph(chain: MarkovChain, ctx: PageContext, link: MazeLink | undefined): string {
  const sentences: string[] = [];
  for (let n = ctx.rng.between(2, 5); n > 0; n--) sentences.push(chain.sentence(ctx.rng));
  const text = sentences.join(' ');
  return link === undefined ? `<p>${text}</p>` : `<p>${text} See also ${linkHtml(link)}.</p>`;
}

/**
 * A blog article of Markov prose (from a chain that writes HTML-escaped words): title, byline, sections,
 * related posts and a sidebar of popular posts.
 */
export function articlePage(ctx: PageContext, chain: MarkovChain): MazePage {
  const { rng } = ctx;
  const title = ctx.titleWords.length > 0 ? titleCase(ctx.titleWords) : phrase(chain, ctx, 3, 7);
  const related = ctx.links();
  const author = decoyPerson(rng).name;
  const date = `${rng.pick(MONTHS)} ${rng.between(1, 28)}, ${rng.between(2016, 2024)}`;
  const main = [
    `<article>\n<h1>${escapeHtml(title)}</h1>\n`,
    `<p><em>By ${escapeHtml(author)} · ${date} · ${rng.between(3, 12)} min read</em></p>\n`,
  ];
  for (let s = rng.between(2, 4), inline = 0; s > 0; s--) {
    main.push(`<h2>${escapeHtml(phrase(chain, ctx, 2, 5))}</h2>\n`);
    for (let p = rng.between(1, 2); p > 0; p--)
      main.push(
        paragraph(chain, ctx, rng.chance(0.4) ? related[inline++ % related.length] : undefined),
        '\n',
      );
  }
  main.push('</article>\n<section>\n<h2>Related posts</h2>\n', linkList(related), '\n</section>');
  const aside = `<h2>Popular</h2>\n${linkList(ctx.siteLinks().slice(4))}`;
  return decoyHtmlPage(ctx, { title: `${title} - ${ctx.site} blog`, main: main.join(''), aside });
}
