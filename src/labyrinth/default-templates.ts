/** The maze's path templates when none are configured: the shapes of an ordinary company site. */
export const DEFAULT_MAZE_TEMPLATES: readonly string[] = Object.freeze([
  '/docs/{slug}',
  '/archive/{year}/{slug}',
  '/blog/{year}/{month}/{slug}',
  '/api/v1/{noun}/{id}',
  '/products/{slug}',
]);

/** Links to deeper pages on each maze page when not configured. */
export const DEFAULT_LINKS_PER_PAGE = 6;
