import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { openStores } from '../../app/index.js';
import { loadConfig } from '../../config/index.js';
import { type Action, type Decision, InfinisecError } from '../../core/index.js';
import {
  type ImportFormat,
  parseAddress,
  parseCidr,
  parseDecisionImport,
  unmapAddress,
} from '../../defend/index.js';
import { type Command, EXIT } from '../command.js';
import { parseOptions } from '../parse-options.js';

const USAGE = `usage: infinisec decisions list [--format table|json]
       infinisec decisions add ADDRESS|CIDR [--action block|allow|labyrinth|tarpit|ratelimit] [--duration 1h] [--reason TEXT]
       infinisec decisions delete ID
       infinisec decisions import FILE|- --format plain|fail2ban|crowdsec [--action A] [--duration D] [--reason TEXT]
       (each takes -c, --config FILE)`;

const ACTIONS = new Set<Action>(['block', 'allow', 'labyrinth', 'tarpit', 'ratelimit', 'challenge']);
const FORMATS = new Set<ImportFormat>(['plain', 'fail2ban', 'crowdsec']);
const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

function usage(message: string): InfinisecError {
  return new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'cli', message, { details: [USAGE] });
}

/** `30m`, `12h`, `7d`, `forever`: milliseconds, or null for a decision that never expires. */
function parseDuration(text: string | undefined): number | null {
  if (text === undefined || text === 'forever') return null;
  const m = /^(\d+)([smhd])$/.exec(text);
  if (m === null) throw usage(`--duration: "${text}" is not like 30m, 12h, 7d or forever`);
  return Number(m[1]) * UNITS[m[2]!]!;
}

function parseAction(text: string | undefined): Action {
  const action = (text ?? 'block') as Action;
  if (!ACTIONS.has(action)) throw usage(`--action: "${text}" is not one of ${[...ACTIONS].join(', ')}`);
  return action;
}

function table(decisions: readonly Decision[]): string {
  const rows = decisions.map((d) => [
    d.id,
    d.scope,
    d.value,
    d.action,
    d.source,
    d.expires === null ? 'never' : new Date(d.expires).toISOString(),
    d.reason,
  ]);
  const head = ['id', 'scope', 'value', 'action', 'source', 'expires', 'reason'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `${cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()}\n`;
  return line(head) + rows.map(line).join('');
}

/** `infinisec decisions`: list, add, delete and import standing decisions in the configured store. */
export const decisionsCommand: Command = {
  name: 'decisions',
  summary: 'list, add, delete or import decisions (bans, allow-list entries)',
  usage: `${USAGE}

Decisions live in the store of the configuration (store.driver, store.dataDir); a running gateway picks up
what is added or deleted here within a few seconds. Durations: 30s, 15m, 12h, 7d or forever (default).
Import formats: plain (one address or CIDR range per line, # comments), fail2ban (the output of
\`fail2ban-client status JAIL\`), crowdsec (\`cscli decisions list -o json\` or \`-o raw\`).`,
  async run(args, io) {
    const { values, positionals } = parseOptions(
      args,
      {
        config: { type: 'string', short: 'c' },
        format: { type: 'string' },
        action: { type: 'string' },
        duration: { type: 'string' },
        reason: { type: 'string' },
      },
      USAGE,
    );
    const [verb, target, ...rest] = positionals;
    if (rest.length > 0) throw usage(`unexpected "${rest[0]}"`);
    const config = await loadConfig({
      ...(typeof values.config === 'string' ? { file: values.config } : {}),
      env: io.env,
    });
    if (config.store.driver === 'memory')
      throw usage('store.driver is memory: decisions are kept by the running gateway only');
    const stores = await openStores(config);
    const store = stores.decisions;
    const now = Date.now();
    const reason = typeof values.reason === 'string' ? values.reason : 'manual';
    try {
      switch (verb) {
        case 'list': {
          const decisions = await store.list(now);
          if (values.format === 'json') io.out(`${JSON.stringify(decisions, null, 2)}\n`);
          else io.out(decisions.length === 0 ? 'no decisions in force\n' : table(decisions));
          return EXIT.ok;
        }
        case 'add': {
          if (target === undefined) throw usage('add: missing ADDRESS or CIDR');
          const isRange = target.includes('/');
          if (isRange ? parseCidr(target) === undefined : parseAddress(target) === undefined)
            throw usage(`add: "${target}" is not an address or a CIDR range`);
          const duration = parseDuration(values.duration as string | undefined);
          const decision: Decision = {
            id: `manual-${randomUUID()}`,
            scope: isRange ? 'cidr' : 'ip',
            value: isRange ? target : unmapAddress(target),
            action: parseAction(values.action as string | undefined),
            reason,
            source: 'manual',
            created: now,
            expires: duration === null ? null : now + duration,
            createdBy: 'cli',
          };
          await store.add(decision);
          io.out(`added ${decision.id}: ${decision.action} ${decision.value}\n`);
          return EXIT.ok;
        }
        case 'delete': {
          if (target === undefined) throw usage('delete: missing ID');
          if (!(await store.remove(target))) {
            io.err(`infinisec: no decision ${target}\n`);
            return EXIT.failure;
          }
          io.out(`deleted ${target}\n`);
          return EXIT.ok;
        }
        case 'import': {
          if (target === undefined) throw usage('import: missing FILE (or - for standard input)');
          const format = values.format as ImportFormat | undefined;
          if (format === undefined || !FORMATS.has(format))
            throw usage(`import: --format must be one of ${[...FORMATS].join(', ')}`);
          const text = readFileSync(target === '-' ? 0 : target, 'utf8');
          const action = parseAction(values.action as string | undefined);
          const result = parseDecisionImport(text, format, {
            reason: typeof values.reason === 'string' ? values.reason : `import/${format}`,
            durationMs: parseDuration(values.duration as string | undefined),
          });
          for (const imported of result.decisions) {
            await store.add({
              id: `import-${imported.scope}-${imported.value}`,
              scope: imported.scope,
              value: imported.value,
              action,
              reason: imported.reason,
              source: 'import',
              created: now,
              expires: imported.durationMs === null ? null : now + imported.durationMs,
              createdBy: 'cli',
            });
          }
          for (const problem of result.problems) io.err(`infinisec: ${problem}\n`);
          io.out(`imported ${result.decisions.length} decision(s), ${result.problems.length} problem(s)\n`);
          return result.decisions.length === 0 && result.problems.length > 0 ? EXIT.failure : EXIT.ok;
        }
        default:
          throw usage(verb ? `unknown action "${verb}"` : 'missing action');
      }
    } finally {
      await stores.close();
    }
  },
};
