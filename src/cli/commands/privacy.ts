import { writeFileSync } from 'node:fs';
import { openStores } from '../../app/index.js';
import { createPrivacy, openFingerprintKey, storedDecisions } from '../../app/privacy/index.js';
import { loadSecretKey } from '../../app/secret-key.js';
import { loadConfig } from '../../config/index.js';
import { InfinisecError } from '../../core/index.js';
import { createAuditLog, createSecretBox } from '../../guardian/index.js';
import {
  addressFingerprint,
  canonicalAddress,
  PrivacyError,
  type PrivacySubject,
} from '../../guardian/privacy/index.js';
import type { AuditStore } from '../../store/audit-store.js';
import { type CliIo, type Command, EXIT } from '../command.js';
import { parseOptions } from '../parse-options.js';

const USAGE = `usage: infinisec privacy export --ip ADDRESS | --user NAME [--out FILE] [-c FILE]
       infinisec privacy erase --ip ADDRESS | --user NAME [--yes] [-c FILE]
       infinisec privacy fingerprint --ip ADDRESS [-c FILE]`;

// The actor the audit log records for what is done here.
const REQUESTER = { actor: 'cli', ip: '' } as const;

function usage(message: string): InfinisecError {
  return new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'cli', message, { details: [USAGE] });
}

/** The subject the options name, its address in canonical form; a usage error for anything else. */
function subjectOf(values: Readonly<Record<string, unknown>>): PrivacySubject {
  const { ip, user } = values;
  if ((typeof ip === 'string') === (typeof user === 'string'))
    throw usage('give exactly one of --ip ADDRESS and --user NAME');
  if (typeof user === 'string') return { user };
  try {
    return { ip: canonicalAddress(ip as string) };
  } catch (err) {
    throw err instanceof PrivacyError ? usage(`--ip: ${err.message}`) : err;
  }
}

function describe(subject: PrivacySubject): string {
  return 'ip' in subject ? `address ${subject.ip}` : `user ${subject.user}`;
}

function countsLine(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .map(([kind, n]) => `  ${kind}: ${n}\n`)
    .join('');
}

/** `infinisec privacy`: export or erase everything kept about a client address or a user. */
export const privacyCommand: Command = {
  name: 'privacy',
  summary: 'export or erase what is kept about an address or a user (data subject requests)',
  usage: `${USAGE}

  export        writes one JSON document with everything kept about the subject (events, decisions,
                request samples, intruder sessions, incidents and audit entries of an address; the account,
                API keys and audit entries of a user) to standard output, or to FILE (mode 0600)
  erase         without --yes, says what would be erased and changes nothing; with --yes, erases it: an
                address's events, request samples, intruder sessions, decisions on exactly it, its place in
                incidents and what the agents remember of it; a user's logins, API keys, second factor
                and account (never the last enabled admin). Audit entries are kept.
  fingerprint   the name the audit log gives an erased or exported address (ip:<16 hex>), and the
                privacy entries recorded under it: shows that an erasure took place without the log
                holding the address

Both export and erase are recorded in the audit log as actor "cli", naming an address only by its
fingerprint. A running gateway forgets decisions erased here within a few seconds.

  -c, --config FILE   configuration file (default: $INFINISEC_CONFIG, else ./infinisec.yaml)`,
  async run(args, io) {
    const { values, positionals } = parseOptions(
      args,
      {
        config: { type: 'string', short: 'c' },
        ip: { type: 'string' },
        user: { type: 'string' },
        out: { type: 'string' },
        yes: { type: 'boolean' },
      },
      USAGE,
    );
    const [verb, ...rest] = positionals;
    if (rest.length > 0) throw usage(`unexpected "${rest[0]}"`);
    if (verb !== 'export' && verb !== 'erase' && verb !== 'fingerprint')
      throw usage(verb ? `unknown action "${verb}"` : 'missing action');
    const subject = subjectOf(values);
    if (verb === 'fingerprint' && !('ip' in subject)) throw usage('fingerprint: give --ip ADDRESS');
    const config = await loadConfig({
      ...(typeof values.config === 'string' ? { file: values.config } : {}),
      env: io.env,
    });
    if (config.store.driver === 'memory')
      throw usage('store.driver is memory: the data lives in the running process only; use the API');
    const stores = await openStores(config);
    try {
      const box = createSecretBox(loadSecretKey(config.store.dataDir, io.env));
      const key = await openFingerprintKey(stores.secrets, box);
      if ('ip' in subject && verb === 'fingerprint')
        return await fingerprint(stores.audit, subject.ip, key, io);
      const privacy = createPrivacy(stores, {
        decisions: storedDecisions(stores.decisions),
        audit: createAuditLog(stores.audit),
        key,
        ipv6PrefixLength: config.defend.ipv6PrefixLength,
      });
      if (verb === 'export') {
        const document = await privacy.exportSubject(subject, REQUESTER);
        const text = `${JSON.stringify(document, null, 2)}\n`;
        if (typeof values.out === 'string') {
          writeFileSync(values.out, text, { mode: 0o600 });
          io.err(`wrote the export of ${describe(subject)} to ${values.out}\n`);
        } else io.out(text);
        return EXIT.ok;
      }
      if (values.yes !== true) {
        const counts = await privacy.preview(subject);
        io.out(`would erase, for ${describe(subject)}:\n${countsLine(counts)}`);
        io.out('nothing was erased: run again with --yes to erase it\n');
        return EXIT.usage;
      }
      const report = await privacy.eraseSubject(subject, REQUESTER);
      io.out(`erased, for ${describe(subject)}:\n${countsLine(report.counts)}`);
      for (const note of report.notes) io.out(`note: ${note}\n`);
      io.out(`recorded in the audit log as privacy.erase on ${report.target}\n`);
      return EXIT.ok;
    } catch (err) {
      if (err instanceof PrivacyError) {
        io.err(`infinisec: ${err.message}\n`);
        return err.reason === 'invalid-subject' ? EXIT.usage : EXIT.failure;
      }
      throw err;
    } finally {
      await stores.close();
    }
  },
};

const PAGE = 1000;

/** Prints the fingerprint of an address and the privacy entries the audit log holds under it. */
async function fingerprint(audit: AuditStore, address: string, key: Buffer, io: CliIo): Promise<number> {
  const target = addressFingerprint(address, key);
  io.out(`${target}\n`);
  let afterSeq = 0;
  let found = 0;
  for (;;) {
    const page = await audit.list({ afterSeq, limit: PAGE });
    for (const entry of page) {
      if (entry.target !== target || !entry.action.startsWith('privacy.')) continue;
      found++;
      io.out(
        `entry ${entry.seq}  ${new Date(entry.time).toISOString()}  ${entry.action}  ${entry.outcome}  by ${entry.actor}\n`,
      );
    }
    if (page.length < PAGE) break;
    afterSeq = page.at(-1)!.seq;
  }
  if (found === 0) io.out('no privacy entries in the audit log under this name\n');
  return EXIT.ok;
}
