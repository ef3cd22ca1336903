import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { injectBeforeBodyEnd } from './inject-before-body-end.js';

async function run(chunks: string[], html = '<i>x</i>'): Promise<string> {
  const out: Buffer[] = [];
  const stream = Readable.from(chunks.map((c) => Buffer.from(c))).pipe(injectBeforeBodyEnd(html));
  for await (const chunk of stream) out.push(chunk as Buffer);
  return Buffer.concat(out).toString();
}

describe('injectBeforeBodyEnd', () => {
  it('inserts before </body>, once', async () => {
    expect(await run(['<html><body>hi</body></html><body></body>'])).toBe(
      '<html><body>hi<i>x</i></body></html><body></body>',
    );
  });

  it('finds a closing tag split across chunks, in any case', async () => {
    for (let split = 1; split < 20; split++) {
      const page = '<p>hello world</P></BODY></html>';
      const result = await run([page.slice(0, split), page.slice(split)]);
      expect(result).toBe('<p>hello world</P><i>x</i></BODY></html>');
    }
  });

  it('appends when there is no closing tag, and keeps every byte', async () => {
    expect(await run(['<p>a', 'b', 'c</p>'])).toBe('<p>abc</p><i>x</i>');
    expect(await run([])).toBe('<i>x</i>');
  });

  it('leaves multi-byte text intact', async () => {
    const page = '<p>héllo wörld ✓</p></body>';
    const bytes = Buffer.from(page);
    const chunks = [bytes.subarray(0, 5), bytes.subarray(5, 9), bytes.subarray(9)];
    const out: Buffer[] = [];
    for await (const c of Readable.from(chunks).pipe(injectBeforeBodyEnd('<i>x</i>'))) out.push(c as Buffer);
    expect(Buffer.concat(out).toString()).toBe('<p>héllo wörld ✓</p><i>x</i></body>');
  });
});
