import { type AddressBits, formatAddressBits, parseAddressBits } from './address-bits.js';

// A run of the characters addresses are written with, holding at least one separator. Taking the whole run
// means a match is never part of a longer address: `10.0.0.1` is not found in `10.0.0.12`.
const CANDIDATE = /[0-9A-Fa-f:.]*[:.][0-9A-Fa-f:.]*/g;
// An IPv4 address followed by a port, as `Forwarded` and some proxies write it.
const WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3})(:\d{1,5})$/;

function addressIn(run: string): { bits: AddressBits; text: string; rest: string } | undefined {
  const bits = parseAddressBits(run);
  if (bits) return { bits, text: run, rest: '' };
  const port = WITH_PORT.exec(run);
  if (port) {
    const v4 = parseAddressBits(port[1]!);
    if (v4) return { bits: v4, text: port[1]!, rest: port[2]! };
  }
  // An address that ends a sentence: `from 10.0.0.1.`
  const trimmed = run.replace(/\.+$/, '');
  if (trimmed !== run) {
    const inner = parseAddressBits(trimmed);
    if (inner) return { bits: inner, text: trimmed, rest: run.slice(trimmed.length) };
  }
  return undefined;
}

/**
 * Rewrites every whole address written in `text`: `replace` gets its canonical form and bits and returns the
 * new text, or undefined to leave it.
 * @example replaceAddresses('for=10.0.0.1:80', () => '10.0.0.0') // 'for=10.0.0.0:80'
 */
export function replaceAddresses(
  text: string,
  replace: (canonical: string, bits: AddressBits) => string | undefined,
): string {
  return text.replace(CANDIDATE, (run) => {
    const found = addressIn(run);
    if (found === undefined) return run;
    const next = replace(formatAddressBits(found.bits), found.bits);
    return next === undefined ? run : `${next}${found.rest}`;
  });
}

/**
 * Whether `text` writes this address (canonical, see canonicalAddress) anywhere as a whole address, in any
 * spelling: `2001:DB8::1` and `::ffff:10.0.0.1` count, `10.0.0.12` does not count for `10.0.0.1`.
 */
export function mentionsAddress(text: string, address: string): boolean {
  let found = false;
  replaceAddresses(text, (canonical) => {
    if (canonical === address) found = true;
    return undefined;
  });
  return found;
}
