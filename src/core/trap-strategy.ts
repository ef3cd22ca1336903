/**
 * The maze's trap strategies, one per kind of hostility: SQL injection gets database errors and row dumps,
 * traversal gets system and config files, scanners get admin panels and listings, crawlers get endless
 * articles, credential stuffers a fake account, API abusers collections that never end.
 */
export const TRAP_STRATEGIES = ['sql', 'files', 'scanner', 'articles', 'account', 'api'] as const;

export type TrapStrategyName = (typeof TRAP_STRATEGIES)[number];

/**
 * The decoys each attack family hopes to see: injected SQL wants rows, file and code injection want files.
 * The labyrinth chooses a trapped client's strategy by it; the brain's strategist advises by it.
 */
export const STRATEGY_BY_ANALYZER: Readonly<Record<string, TrapStrategyName>> = {
  sqli: 'sql',
  nosqli: 'sql',
  ldapi: 'sql',
  xpath: 'sql',
  traversal: 'files',
  rfi: 'files',
  xxe: 'files',
  php: 'files',
  cmdi: 'files',
  shellshock: 'files',
  log4shell: 'files',
  ssti: 'files',
  ssjs: 'files',
  deserialization: 'files',
  scanner: 'scanner',
};
