import { Transform } from 'node:stream';

const CLOSE = '</body';
// Bytes kept back between chunks so that a `</body` split across two of them is still found.
const KEEP = CLOSE.length - 1;

/**
 * A stream that inserts `html` once, before the first `</body` (any case), or at the end when there is none.
 * Bytes pass through unchanged otherwise; the search is on latin1 text, so any encoding that keeps ASCII
 * as ASCII (UTF-8, ISO-8859-x) is safe.
 *
 * @example upstream.pipe(injectBeforeBodyEnd('<a href="/x">x</a>')).pipe(res);
 */
export function injectBeforeBodyEnd(html: string): Transform {
  const insert = Buffer.from(html, 'utf8');
  let pending = Buffer.alloc(0);
  let done = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (done) {
        callback(null, chunk);
        return;
      }
      const data = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      const at = data.toString('latin1').toLowerCase().indexOf(CLOSE);
      if (at >= 0) {
        done = true;
        pending = Buffer.alloc(0);
        this.push(data.subarray(0, at));
        this.push(insert);
        callback(null, data.subarray(at));
        return;
      }
      const cut = Math.max(0, data.length - KEEP);
      pending = Buffer.from(data.subarray(cut));
      callback(null, data.subarray(0, cut));
    },
    flush(callback) {
      this.push(pending);
      callback(null, done ? undefined : insert);
    },
  });
}
