const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
};

// Longer unit names come first so `500ms` is not read as 500 minutes followed by junk.
const COMPONENT = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Parses a Go `time.Duration` string into whole milliseconds (negative allowed); undefined when malformed.
 * @example parseGoDuration('3h59m50.1s') // 14_390_100
 */
export function parseGoDuration(text: string): number | undefined {
  // Real durations are short; the bound keeps a hostile value from costing anything.
  if (text.length === 0 || text.length > 64) return undefined;
  const sign = text[0] === '-' ? -1 : 1;
  const body = text[0] === '-' || text[0] === '+' ? text.slice(1) : text;
  if (body === '0') return 0;
  if (body === '') return undefined;
  let total = 0;
  COMPONENT.lastIndex = 0;
  while (COMPONENT.lastIndex < body.length) {
    const match = COMPONENT.exec(body);
    if (match === null) return undefined;
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
  }
  const ms = sign * Math.round(total);
  return Number.isSafeInteger(ms) ? ms : undefined;
}
