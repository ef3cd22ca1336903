// `0x77616974666f722064656c6179…`: a hex literal long enough to hold a statement, ASCII or UTF-16LE.
const HEX_LITERAL = /0x((?:[0-9a-f]{2}){8,})/gi;
const MAX_LITERALS = 4;
const MAX_BYTES = 512;
// What SQL Server runs when such a literal is cast and executed (`declare @s … select @s=0x… exec(@s)`).
const SQL_WORDS =
  /\b(?:waitfor\s+delay|select\s+[\w@*]|exec(?:ute)?\s*[\s(@]|xp_cmdshell|sp_executesql|union\s+select|drop\s+table|insert\s+into|delete\s+from|update\s+\w+\s+set|shutdown|declare\s+@)/i;

function decodeHex(hex: string): string {
  const length = Math.min(hex.length / 2, MAX_BYTES);
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  // UTF-16LE: every second byte zero (SQL Server's nvarchar).
  let zeros = 0;
  for (let i = 1; i < length; i += 2) if (bytes[i] === 0) zeros++;
  const wide = zeros * 2 >= length - 1;
  let out = '';
  for (let i = 0; i < length; i += wide ? 2 : 1) {
    const c = bytes[i]!;
    // Printable ASCII and blanks only: binary data (hashes, addresses, keys) is no statement.
    if (c < 9 || (c > 13 && c < 32) || c > 126) return '';
    out += String.fromCharCode(c);
  }
  return out;
}

/**
 * A statement spelled as a hex literal, the way SQL Server injections smuggle a command past filters that
 * read words (`0x77616974666f722064656c61792027303a303a313027` is `waitfor delay '0:0:10'`): the decoded
 * text, or undefined when no literal decodes to SQL.
 * @example hexEncodedSql('0x73656c65637420404076657273696f6e') // 'select @@version'
 */
export function hexEncodedSql(value: string): string | undefined {
  if (value.indexOf('0x') < 0 && value.indexOf('0X') < 0) return undefined;
  HEX_LITERAL.lastIndex = 0;
  let seen = 0;
  for (let m = HEX_LITERAL.exec(value); m !== null && seen++ < MAX_LITERALS; m = HEX_LITERAL.exec(value)) {
    const text = decodeHex(m[1]!);
    if (text !== '' && SQL_WORDS.test(text)) return text;
  }
  return undefined;
}
