import { DEFAULT_LINKS_PER_PAGE, DEFAULT_MAZE_TEMPLATES } from './default-templates.js';
import type { MazeOptions } from './maze-types.js';
import { compilePathTemplate, type PathTemplate } from './path/path-template.js';

/** Maze options checked once, with defaults filled in and templates compiled. */
export interface ResolvedMazeOptions {
  readonly secret: string;
  readonly templates: readonly PathTemplate[];
  readonly linksPerPage: number;
  readonly extraText: string | undefined;
}

const MAX_LINKS_PER_PAGE = 100;

/**
 * Validates maze options; a bad option is a programming or config error and throws a TypeError naming it.
 * @example resolveMazeOptions({ secret: 's3cret-s3cret-16', templates: ['/docs/{slug}'] })
 */
export function resolveMazeOptions(options: MazeOptions): ResolvedMazeOptions {
  const {
    secret,
    templates = DEFAULT_MAZE_TEMPLATES,
    linksPerPage = DEFAULT_LINKS_PER_PAGE,
    extraText,
  } = options;
  if (typeof secret !== 'string' || secret === '')
    throw new TypeError('labyrinth: secret must be a non-empty string');
  if (!Array.isArray(templates) || templates.length === 0)
    throw new TypeError('labyrinth: templates must be a non-empty list of path templates');
  if (!Number.isInteger(linksPerPage) || linksPerPage < 1 || linksPerPage > MAX_LINKS_PER_PAGE)
    throw new TypeError(`labyrinth: linksPerPage must be an integer from 1 to ${MAX_LINKS_PER_PAGE}`);
  if (extraText !== undefined && typeof extraText !== 'string')
    throw new TypeError('labyrinth: extraText must be a string');
  return Object.freeze({
    secret,
    templates: Object.freeze(templates.map((template) => compilePathTemplate(template))),
    linksPerPage,
    extraText,
  });
}
