import type { Prng } from '../random/prng.js';
import { HEX, randomString } from '../random/random-string.js';
import { API_NOUNS } from '../words/api-nouns.js';
import { SLUG_WORDS } from '../words/slug-words.js';
import type { MazeLink } from './maze-link.js';
import type { PathSigner } from './path-signer.js';
import type { PathTemplate } from './path-template.js';
import { titleCase } from './title-case.js';

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const UUID_VARIANTS = ['8', '9', 'a', 'b'];
const CAPITALIZED = SLUG_WORDS.map((word) => titleCase([word]));

// Every link on every page makes a slug: built as two strings directly, without word arrays to join.
let slugTitle = '';

/** 2 to 4 slug words joined by "-"; their title is left in `slugTitle`. */
function slug(rng: Prng): string {
  let previous = rng.below(SLUG_WORDS.length);
  let text = SLUG_WORDS[previous]!;
  slugTitle = CAPITALIZED[previous]!;
  for (let n = rng.between(1, 3); n > 0; n--) {
    const word = rng.below(SLUG_WORDS.length);
    if (word === previous) continue;
    text += `-${SLUG_WORDS[word]}`;
    slugTitle += ` ${SLUG_WORDS[word]}`;
    previous = word;
  }
  return text;
}

// A version-4 UUID up to its last group, which the checksum fills.
function uuidHead(rng: Prng): string {
  const hex = randomString(rng, HEX, 18);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(12, 15)}-${rng.pick(UUID_VARIANTS)}${hex.slice(15, 18)}-`;
}

/**
 * A maze path that follows `template`, one click deeper than a page at `depth - 1`, signed for `site`.
 * @example fillTemplate(compilePathTemplate('/docs/{slug}'), rng, signer, 'shop', 1).href // '/docs/cache-notes-…'
 */
export function fillTemplate(
  template: PathTemplate,
  rng: Prng,
  signer: PathSigner,
  site: string,
  depth: number,
): MazeLink {
  let before = '';
  let after = '';
  let radix: 36 | 16 = 36;
  let title = '';
  let noun = '';
  let carried = false;
  for (const part of template.parts) {
    let text: string;
    if ('literal' in part) text = part.literal;
    else if (part.placeholder === 'slug') {
      text = part.carrier ? `${slug(rng)}-` : slug(rng);
      if (part.carrier || title === '') title = slugTitle;
    } else if (part.placeholder === 'id') {
      text = part.carrier ? uuidHead(rng) : String(rng.between(1000, 9_999_999));
      if (title === '') title = `${titleCase([noun || 'record'])} ${text.slice(0, 8)}`;
    } else if (part.placeholder === 'noun') text = noun = rng.pick(API_NOUNS);
    else if (part.placeholder === 'year') text = String(rng.between(2015, 2025));
    else text = rng.pick(MONTHS);
    if (carried) after += text;
    else before += text;
    if ('carrier' in part && part.carrier) {
      carried = true;
      radix = part.placeholder === 'id' ? 16 : 36;
    }
  }
  return { href: signer.sign(site, before, after, depth, radix), title };
}
