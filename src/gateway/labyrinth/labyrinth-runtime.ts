import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Config } from '../../config/index.js';
import type { ClientIdentity } from '../../core/index.js';
import { createAddressSet } from '../../defend/index.js';
import { type Canaries, createCanaries, createMaze, type Maze } from '../../labyrinth/index.js';
import { trapLinksHtml } from './trap-links-html.js';

/** The labyrinth as one configuration compiled it: the maze, the canaries and who is never trapped. */
export interface LabyrinthRuntime {
  readonly options: Config['labyrinth'];
  readonly maze: Maze;
  readonly canaries: Canaries;
  /** A crawler that names itself as a good bot and comes from its published ranges. */
  isGoodBot(client: ClientIdentity): boolean;
  /** A trap link (under the prefix) or any link the maze made. */
  isTrapPath(site: string, path: string): boolean;
  /** The hidden links put into an upstream HTML page. */
  trapLinks(site: string, seed: string): string;
}

/** A key of its own for each use of the secret: the maze's checksums reveal nothing about the canaries'. */
function subkey(secret: string, use: string): string {
  return createHmac('sha256', secret).update(`infinisec labyrinth ${use}`).digest('base64url');
}

function readTraining(files: readonly string[]): string | undefined {
  if (files.length === 0) return undefined;
  return files
    .map((file) => {
      try {
        // Markup is no prose: keep the text between tags.
        return readFileSync(file, 'utf8').replace(/<[^>]*>/g, ' ');
      } catch (err) {
        throw new TypeError(`labyrinth.trainingFiles: cannot read ${file}: ${(err as Error).message}`);
      }
    })
    .join('\n');
}

/**
 * Compiles the labyrinth of a configuration, or undefined when it is off. `fallbackSecret` is the key kept
 * in the data dir, used when the configuration names none. Throws TypeError on a bad template or range.
 */
export function compileLabyrinth(config: Config, fallbackSecret: string): LabyrinthRuntime | undefined {
  const options = config.labyrinth;
  if (!options.enabled) return undefined;
  const secret = options.secret ?? fallbackSecret;
  const maze = createMaze({
    secret: subkey(secret, 'maze'),
    ...(options.templates ? { templates: options.templates } : {}),
    linksPerPage: options.linksPerPage,
    ...(options.trainingFiles.length > 0 ? { extraText: readTraining(options.trainingFiles) } : {}),
  });
  const canaries = createCanaries({
    secret: subkey(secret, 'canary'),
    ...(options.canaries.emailDomain ? { emailDomain: options.canaries.emailDomain } : {}),
    ...(options.canaries.internalHost ? { internalHost: options.canaries.internalHost } : {}),
  });
  const agents = options.goodBots.userAgents.map((a) => a.toLowerCase());
  const { set: botRanges, invalid } = createAddressSet(options.goodBots.ranges);
  if (invalid.length > 0)
    throw new TypeError(`labyrinth.goodBots.ranges: not an address or CIDR range: ${invalid.join(', ')}`);
  const prefix = options.trapLinks.prefix;
  return {
    options,
    maze,
    canaries,
    isGoodBot(client) {
      const agent = client.userAgent.toLowerCase();
      return agents.some((a) => agent.includes(a)) && botRanges.has(client.ip);
    },
    isTrapPath(site, path) {
      return (options.trapLinks.enabled && path.startsWith(prefix)) || maze.isMazePath(site, path);
    },
    trapLinks(site, seed) {
      return trapLinksHtml(maze.entryPaths(site, seed, options.trapLinks.count, prefix));
    },
  };
}
