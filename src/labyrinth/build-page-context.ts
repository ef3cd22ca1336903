import type { CanaryKind } from './canary/canary-kind.js';
import type { MazeEngine } from './maze-engine.js';
import type { MazeVisit } from './maze-types.js';
import { fillTemplate } from './path/fill-template.js';
import { locateChecksum } from './path/locate-checksum.js';
import type { MazeLink } from './path/maze-link.js';
import { keyedPrng } from './random/keyed-prng.js';
import { Prng } from './random/prng.js';
import type { PageContext } from './strategies/page-context.js';

const MAX_DEPTH = 255;
const SITE_LINKS = 8;
const NO_WORDS: readonly string[] = Object.freeze([]);

// The slug words before a base-36 checksum: what the link to this page said.
function slugWordsOf(path: string): readonly string[] {
  const spot = locateChecksum(path);
  if (spot === undefined || spot.radix !== 36) return NO_WORDS;
  const from = path.lastIndexOf('/', spot.start) + 1;
  return path
    .slice(from, spot.start - 1)
    .split('-')
    .filter((word) => word !== '');
}

// FNV-1a: enough to tell apart a handful of fixed purpose names; the secret is in the site digest.
function purposeHash(purpose: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < purpose.length; i++) hash = Math.imul(hash ^ purpose.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

// A plain Uint8Array copy: slicing it copies, so a purpose mixed into a slice never alters the memo.
function siteSeedOf(engine: MazeEngine, site: string): Uint8Array {
  return engine.siteSeeds.get(site, () => new Uint8Array(engine.key(`site\n${site}`)));
}

function siteLinksOf(engine: MazeEngine, site: string, depth: number): readonly MazeLink[] {
  return engine.siteLinks.get(`${depth}\n${site}`, () => {
    const rng = keyedPrng(engine.key, `nav\n${depth}\n${site}`);
    const links: MazeLink[] = [];
    for (let i = 0; i < SITE_LINKS; i++)
      links.push(fillTemplate(rng.pick(engine.templates), rng, engine.signer, site, depth));
    return Object.freeze(links);
  });
}

/** Everything a strategy needs to render the page for one visit; every random draw is keyed by the visit. */
export function buildPageContext(engine: MazeEngine, visit: MazeVisit): PageContext {
  const { site, target } = visit;
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const depth = Math.max(0, engine.signer.depthOf(site, path));
  const childDepth = Math.min(depth + 1, MAX_DEPTH);
  const rng = keyedPrng(engine.key, `page\n${visit.strategy}\n${site.length}:${site}${target}`);
  let canaries = 0;
  return {
    site,
    target,
    path,
    query: queryAt === -1 ? '' : target.slice(queryAt + 1),
    method: visit.method,
    body: visit.body,
    depth,
    rng,
    linksPerPage: engine.linksPerPage,
    titleWords: depth > 0 ? slugWordsOf(path) : NO_WORDS,
    links(count = engine.linksPerPage) {
      const links: MazeLink[] = [];
      for (let i = 0; i < count; i++)
        links.push(fillTemplate(rng.pick(engine.templates), rng, engine.signer, site, childDepth));
      return links;
    },
    linkFrom: (template) => fillTemplate(template, rng, engine.signer, site, childDepth),
    siteLinks: () => siteLinksOf(engine, site, childDepth),
    siteRng(purpose) {
      const seed = siteSeedOf(engine, site).slice(0, 16);
      const view = new DataView(seed.buffer);
      view.setUint32(0, view.getUint32(0) ^ purposeHash(purpose));
      return new Prng(seed);
    },
    canary: (kind: CanaryKind) => visit.mint(kind, `${target}#${canaries++}`),
  };
}
