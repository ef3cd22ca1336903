// An address is found only whole: the characters around it must not be ones an address (or a host name) goes
// on with, so that erasing 1.2.3.4 leaves 11.2.3.45, 1.2.3.40 and 1.2.3.4.5 alone, and 2001:db8::1 leaves
// 2001:db8::10 and 2001:db8::1:5. For an IPv4 address a colon is a boundary: what it joins is a port
// (`1.2.3.4:443`) or an IPv6 spelling of the same client (`::ffff:1.2.3.4`), never a longer IPv4 address.
const JOINS = /[0-9A-Za-z.:]/;
const JOINS_IPV4 = /[0-9A-Za-z.]/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

const joins = (char: string | undefined, pattern: RegExp): boolean =>
  char !== undefined && pattern.test(char);

/** What to look for in stored text before confirming with mentionsAddress. */
export interface AddressNeedle {
  /** The address in lower case. */
  readonly text: string;
  /** Whether the stored text must be lower-cased before the search: an IPv6 address has hex letters. */
  readonly lower: boolean;
}

/**
 * The address as a database prefilter looks for it (instr, strpos): every text that mentions the address holds
 * `text`, once lower-cased when `lower`. An empty address has no needle: it mentions nothing.
 * @example addressNeedle('2001:DB8::1') // { text: '2001:db8::1', lower: true }
 */
export function addressNeedle(address: string): AddressNeedle | undefined {
  if (address === '') return undefined;
  const text = address.toLowerCase();
  return { text, lower: text !== text.toUpperCase() };
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A test of whether a text mentions `address` whole, made once for many texts. */
function addressMatcher(address: string): (text: string) => boolean {
  if (address === '') return () => false;
  const pattern = IPV4.test(address) ? JOINS_IPV4 : JOINS;
  // Case-insensitive without the `u` flag: only ASCII letters fold, as in the prefilter's lower().
  const search = new RegExp(escaped(address), 'gi');
  return (text) => {
    search.lastIndex = 0;
    for (let found = search.exec(text); found !== null; found = search.exec(text)) {
      const at = found.index;
      const end = at + address.length;
      // The next search starts one past this start: a later mention may overlap this one.
      search.lastIndex = at + 1;
      if (joins(text[at - 1], pattern)) continue;
      const next = text[end];
      // An address that ends a sentence (`from 1.2.3.4.`) is whole; one followed by `.5` or `.example` is not.
      if (next === '.' ? !joins(text[end + 1], JOINS) : !joins(next, pattern)) return true;
    }
    return false;
  };
}

/**
 * Whether `text` writes `address` as a whole address, not as part of a longer one; letters compare without
 * case. The address is matched as given (callers pass its canonical spelling).
 * @example mentionsAddress('for=1.2.3.4:80', '1.2.3.4') // true; mentionsAddress('11.2.3.45', '1.2.3.4') // false
 */
export const mentionsAddress = (text: string, address: string): boolean => addressMatcher(address)(text);

/**
 * Whether any string in a JSON value (an object's keys too) mentions `address` as a whole address. Strings are
 * read decoded, so an escape before an address (`\n1.2.3.4`) does not hide it. Walks without recursion, so
 * that no nesting depth overflows the stack.
 */
export function valueMentionsAddress(value: unknown, address: string): boolean {
  const mentions = addressMatcher(address);
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next === 'string') {
      if (mentions(next)) return true;
    } else if (Array.isArray(next)) {
      for (const item of next) stack.push(item);
    } else if (next !== null && typeof next === 'object') {
      for (const [key, inner] of Object.entries(next)) {
        if (mentions(key)) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}
