import { createAuditLog, createSecretBox } from '../../guardian/index.js';
import type { AuditStore, SecretStore } from '../../store/index.js';
import type { SecretKeys } from '../secret-key.js';
import type { BackupManifest } from './backup-manifest.js';

/** One check of a restored store. */
export interface RestoreCheck {
  readonly what: 'tables' | 'audit' | 'secrets';
  readonly ok: boolean;
  readonly detail: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Every table of the backup holds as many rows restored as the manifest says. */
export function checkTables(
  expected: BackupManifest['tables'],
  restored: Readonly<Record<string, number>>,
): RestoreCheck {
  const problems: string[] = [];
  let rows = 0;
  for (const [table, count] of Object.entries(expected)) {
    rows += count;
    const found = restored[table];
    if (found === undefined) problems.push(`${table}: missing`);
    else if (found !== count) problems.push(`${table}: ${found} rows, the backup has ${count}`);
  }
  const tables = plural(Object.keys(expected).length, 'table');
  return problems.length === 0
    ? { what: 'tables', ok: true, detail: `${tables}, ${plural(rows, 'row')}, as in the backup` }
    : { what: 'tables', ok: false, detail: problems.join('; ') };
}

/** The restored audit chain verifies, and ends where the backup's did. */
export async function checkAudit(
  store: AuditStore,
  expected: BackupManifest['audit'],
): Promise<RestoreCheck> {
  const result = await createAuditLog(store).verify();
  if (!result.ok) {
    const { kind, seq, message } = result.problem;
    return { what: 'audit', ok: false, detail: `chain broken at entry ${seq} (${kind}): ${message}` };
  }
  const head = result.head ?? null;
  if (
    result.entries !== expected.entries ||
    head?.seq !== expected.head?.seq ||
    head?.hash !== expected.head?.hash
  )
    return {
      what: 'audit',
      ok: false,
      detail: `chain intact but ends at entry ${head?.seq ?? 0}, the backup's at entry ${expected.head?.seq ?? 0}`,
    };
  const at = head === null ? '' : `, head ${head.seq} ${head.hash.slice(0, 16)}…`;
  return {
    what: 'audit',
    ok: true,
    detail: `chain intact: ${plural(result.entries, 'entry', 'entries')}${at}`,
  };
}

/** Every stored secret opens with the restored key (or the one of a rotation left half done). */
export async function checkSecrets(store: SecretStore, keys: SecretKeys | undefined): Promise<RestoreCheck> {
  const secrets = await store.list();
  if (secrets.length === 0) return { what: 'secrets', ok: true, detail: 'none stored' };
  if (keys === undefined)
    return {
      what: 'secrets',
      ok: false,
      detail: `${plural(secrets.length, 'secret')} sealed, and neither the backup nor INFINISEC_SECRET_KEY holds a key`,
    };
  const boxes = [keys.current, ...(keys.next ? [keys.next] : [])].map((key) => createSecretBox(key));
  const opens = (name: string, sealed: string) =>
    boxes.some((box) => {
      try {
        box.open(name, sealed);
        return true;
      } catch {
        return false;
      }
    });
  const closed = secrets.filter((s) => !opens(s.name, s.sealed)).map((s) => s.name);
  const source = keys.source === 'env' ? 'INFINISEC_SECRET_KEY' : 'the restored key';
  return closed.length === 0
    ? { what: 'secrets', ok: true, detail: `${plural(secrets.length, 'secret')} open with ${source}` }
    : {
        what: 'secrets',
        ok: false,
        detail: `${plural(closed.length, 'secret')} of ${secrets.length} do not open with ${source}: ${closed.slice(0, 5).join(', ')}`,
      };
}
