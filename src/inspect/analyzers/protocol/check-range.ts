import type { Anomalies } from './anomalies.js';

const SPEC = /^(\d*)-(\d*)$/;
// Browsers and download managers ask for one range; PDF readers fetch a document in a few dozen.
const MANY = 5;
const FLOOD = 50;
const PDF = /\.pdf$|%2epdf$/i;

/**
 * A Range header: many ranges in one request (the Apache Killer DoS, CVE-2011-3192) — more than five on
 * anything but a PDF, more than fifty on anything —, overlapping or backwards ranges, or a header
 * without the `bytes=` unit.
 */
export function checkRange(value: string, location: string, out: Anomalies, path: string): void {
  const eq = value.indexOf('=');
  if (eq < 0 || value.slice(0, eq).trim().toLowerCase() !== 'bytes') {
    out.add('range', 0.3, location, value);
    return;
  }
  const specs = value.slice(eq + 1).split(',');
  if (specs.length > FLOOD || (specs.length > MANY && !PDF.test(path)))
    out.add('range', 0.9, location, value);
  else if (specs.length > MANY) out.add('range', 0.6, location, value);
  for (const spec of specs) {
    const m = SPEC.exec(spec.trim());
    if (
      m === null ||
      (m[1] === '' && m[2] === '') ||
      (m[1] !== '' && m[2] !== '' && Number(m[2]) < Number(m[1]))
    ) {
      out.add('range', 0.5, location, value);
      return;
    }
  }
}
