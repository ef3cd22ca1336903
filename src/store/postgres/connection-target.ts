import { InfinisecError } from '../../core/index.js';

/** What an error message may say of a connection string, and what it must never say. */
export interface ConnectionTarget {
  /** `host:port/database`, without the credentials. */
  readonly server: string;
  /** The password as written and decoded; empty when there is none. */
  readonly secrets: readonly string[];
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Reads a `postgres://` URL for error messages; throws INFINISEC_ERR_STORE, without echoing it, for anything
 * else, as the driver would take other text for a host name.
 */
export function connectionTarget(connectionString: string): ConnectionTarget {
  let url: URL | undefined;
  try {
    url = new URL(connectionString);
  } catch {
    url = undefined;
  }
  if (url === undefined || !['postgres:', 'postgresql:'].includes(url.protocol))
    throw new InfinisecError(
      'INFINISEC_ERR_STORE',
      'store.postgres',
      'the connection string is not a postgres:// URL',
    );
  const host = url.host || url.searchParams.get('host') || 'localhost';
  return {
    server: `${host}${url.pathname}`,
    secrets: url.password === '' ? [] : [url.password, decoded(url.password)],
  };
}

/** The text with every secret of the target masked. */
export function masked(text: string, target: ConnectionTarget): string {
  return target.secrets.reduce((out, secret) => out.replaceAll(secret, '***'), text);
}
