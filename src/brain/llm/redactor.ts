import { replaceAddresses } from './ip-addresses.js';
import { redactSecrets } from './secret-patterns.js';

const PSEUDONYM = /\bclient-(\d{1,6})\b/g;

/** Cleans what goes to a model, for one request, and puts real addresses back into what comes out. */
export interface Redactor {
  /** Secrets and e-mails become markers; each address becomes its pseudonym (`client-1`, `client-2`, ...). */
  redact(text: string): string;
  /** The pseudonym for an address, numbered in order of first sight; lets callers number known clients first. */
  pseudonymOf(address: string): string;
  /** Pseudonyms back to the addresses they stand for; other text is left alone. */
  restore(text: string): string;
  /** The address a pseudonym stands for. */
  addressOf(pseudonym: string): string | undefined;
}

/**
 * A redactor whose pseudonyms hold for one request only, so nothing links two requests' clients. Text that
 * already looks like a pseudonym is respelled (`client_1`) on the way in, so it can never be restored into an
 * address it does not stand for.
 * @example
 * const r = createRedactor();
 * r.redact('203.0.113.7 sent password=x') // 'client-1 sent password=[secret]'
 * r.restore('block client-1')            // 'block 203.0.113.7'
 */
export function createRedactor(): Redactor {
  const byAddress = new Map<string, string>();
  const byPseudonym = new Map<string, string>();
  const pseudonymOf = (address: string): string => {
    const key = address.toLowerCase();
    let pseudonym = byAddress.get(key);
    if (pseudonym === undefined) {
      pseudonym = `client-${byAddress.size + 1}`;
      byAddress.set(key, pseudonym);
      byPseudonym.set(pseudonym, address);
    }
    return pseudonym;
  };
  return {
    redact(text) {
      const respelled = text.replace(PSEUDONYM, 'client_$1');
      return replaceAddresses(redactSecrets(respelled), pseudonymOf);
    },
    pseudonymOf,
    restore(text) {
      return text.replace(PSEUDONYM, (m) => byPseudonym.get(m) ?? m);
    },
    addressOf(pseudonym) {
      return byPseudonym.get(pseudonym);
    },
  };
}
