/**
 * The labyrinth's trap strategies and the attack families each suits, as the labyrinth has them
 * (src/labyrinth/trap-strategy-name.ts and choose-strategy.ts); the brain may not import the labyrinth, and
 * the strategist's advice names one of these.
 */
export const TRAP_STRATEGIES = ['sql', 'files', 'scanner', 'articles', 'account', 'api'] as const;

export type TrapStrategy = (typeof TRAP_STRATEGIES)[number];

/** The decoys each attack family hopes to see: injected SQL wants rows, file and code injection files. */
export const STRATEGY_BY_ANALYZER: Readonly<Record<string, TrapStrategy>> = {
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
