import type { Declaration } from './read-declarations.js';

/** A verdict on one declaration: rule (without the `xxe/` prefix), confidence, where. */
export interface DeclarationHit {
  readonly rule:
    | 'external-entity'
    | 'parameter-entity'
    | 'external-dtd'
    | 'entity-expansion'
    | 'internal-entity';
  readonly confidence: number;
  readonly at: number;
}

const W3C_URL = /^https?:\/\/www\.w3\.org\//i;
const SCHEME = /^[a-z][\w+.-]{0,15}:/i;
const ENTITY_REFERENCE = /&[\w.-]{1,64};/;

/** The public DTDs of XHTML, SVG, MathML...: standard documents reference them and parsers ship them. */
function isW3cDtd(d: Declaration): boolean {
  return d.publicId.startsWith('-//W3C//') && (d.systemId === '' || W3C_URL.test(d.systemId));
}

/** A relative system id (`note.dtd`) names a local DTD; a scheme or absolute path reaches elsewhere. */
function isRemote(systemId: string): boolean {
  return SCHEME.test(systemId) || systemId.startsWith('/') || systemId.startsWith('\\\\');
}

function judge(d: Declaration): DeclarationHit | undefined {
  const at = d.at;
  if (d.type === 'doctype') {
    if (d.systemId === '' || isW3cDtd(d) || d.systemId.toLowerCase() === 'about:legacy-compat')
      return undefined;
    // Documents that name a formal public DTD (plists, DocBook, MyBatis mappers) are ordinary files;
    // an out-of-band XXE points SYSTEM at the attacker's host.
    if (d.publicId !== '') return { rule: 'external-dtd', confidence: 0.4, at };
    return { rule: 'external-dtd', confidence: isRemote(d.systemId) ? 0.9 : 0.5, at };
  }
  if (d.systemId !== '') {
    // A relative SYSTEM id (`chapter1.xml`, DocBook style) stays beside the document; a scheme or an
    // absolute path reaches files and hosts.
    const confidence = isRemote(d.systemId) || d.parameter ? 1 : 0.7;
    return { rule: d.parameter ? 'parameter-entity' : 'external-entity', confidence, at };
  }
  // `<!ENTITY` followed by prose is someone writing about XML, not a declaration.
  if (d.literal === undefined) return undefined;
  if (d.parameter) return { rule: 'parameter-entity', confidence: 0.9, at };
  // An entity whose text references other entities multiplies on expansion (billion laughs).
  if (ENTITY_REFERENCE.test(d.literal)) return { rule: 'entity-expansion', confidence: 0.9, at };
  return { rule: 'internal-entity', confidence: 0.5, at };
}

/**
 * Judges DOCTYPE and ENTITY declarations: external entities (SYSTEM/PUBLIC, any scheme) and parameter
 * entities are XXE; an external DTD from anywhere but the W3C is the out-of-band variant; entities
 * built from entities are expansion bombs; a plain internal entity is merely unusual.
 */
export function judgeDeclarations(declarations: readonly Declaration[]): DeclarationHit | undefined {
  let best: DeclarationHit | undefined;
  for (const d of declarations) {
    const hit = judge(d);
    if (hit !== undefined && (best === undefined || hit.confidence > best.confidence)) best = hit;
  }
  return best;
}
