import { describe, expect, it } from 'vitest';
import { toRequestView } from './case-request.js';
import { createBodyRest } from './extract-body-rest.js';
import { DEFAULT_EXTRACT_LIMITS } from './extract-limits.js';

const LIMITS = DEFAULT_EXTRACT_LIMITS;
const bytes = (text: string) => new TextEncoder().encode(text);

/** The values of each window of `rest`, read after `prefix` (which stands for the inspected prefix). */
function windows(type: string, prefix: string, rest: readonly string[]) {
  const reader = createBodyRest(
    toRequestView({ method: 'POST', target: '/', headers: [['content-type', type]], body: prefix }),
    LIMITS,
  );
  return rest.map((w, i) =>
    reader.next(bytes(w), i === rest.length - 1).values.map((v) => [v.location, v.kind, v.value]),
  );
}

describe('createBodyRest', () => {
  const FORM = 'application/x-www-form-urlencoded';

  it('reads the end of a form field that began before, under its name, once the field ends', () => {
    // The prefixes are longer than the text read again, as the 64 KiB of a real one are.
    const [middle, end] = windows(FORM, `a=1&comment=${'A'.repeat(3000)}`, [
      'B'.repeat(5000),
      `BBB%27+or+1%3D1&x=2`,
    ]);
    // A window inside the field, which goes on past it, has nothing to read yet.
    expect(middle).toEqual([]);
    const comment = end!.find(([location]) => location === 'body.form.comment');
    expect(comment?.[2]).toMatch(/B%27\+or\+1%3D1$/);
    // Only the end of the field: what padding leaves to read, not all of it again.
    expect(String(comment?.[2]).length).toBeLessThanOrEqual(2048);
    expect(end).toContainEqual(['body.form.x', 'body-value', '2']);
  });

  it('reads fields that start in a window whole, and the one cut at its end from where it starts', () => {
    const [first, second] = windows(FORM, 'a=1', ['&q=hello&r=wor', 'ld&s=3']);
    // A prefix shorter than the text read again is read again whole.
    expect(first).toEqual([
      ['body.form.a', 'body-value', '1'],
      ['body.form.q', 'body-value', 'hello'],
      ['body.form.r', 'body-value', 'wor'],
    ]);
    // The last field before the window is read again with it, whole there; `q` is not read twice.
    expect(second).toEqual([
      ['body.form.r', 'body-value', 'world'],
      ['body.form.s', 'body-value', '3'],
    ]);
  });

  it('finds a payload cut in two by a window edge whole in the next window', () => {
    const [, second] = windows(FORM, 'a=1', [`&pad=${'x'.repeat(3000)}&q=' union se`, 'lect 1--&z=1']);
    expect(second).toContainEqual(['body.form.q', 'body-value', "' union select 1--"]);
  });

  it('reads a multipart field on past the prefix, and never a file past its head', () => {
    const boundary = 'XyZ';
    const type = `multipart/form-data; boundary=${boundary}`;
    const field = `--${boundary}\r\nContent-Disposition: form-data; name="bio"\r\n\r\n${'a'.repeat(3000)}`;
    const [fieldEnd] = windows(type, field, [`${'b'.repeat(10)}<script>\r\n--${boundary}--\r\n`]);
    expect(fieldEnd![0]![0]).toBe('body.multipart.bio');
    expect(String(fieldEnd![0]![2])).toMatch(/^a+b{10}<script>$/);

    const file = `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="a.html"\r\n\r\n<p>${'x'.repeat(3000)}`;
    const next = `--${boundary}\r\nContent-Disposition: form-data; name="id"\r\n\r\n7\r\n--${boundary}--\r\n`;
    const [fileRest, after] = windows(type, file, ['<script>'.repeat(400), `</p>\r\n${next}`]);
    expect(fileRest).toEqual([]);
    expect(after).toEqual([['body.multipart.id', 'body-value', '7']]);
  });

  it('reads the end of any other body once it ends', () => {
    const json = windows('application/json', '{"items":[', [
      '"x",'.repeat(2000),
      `"y"],"q":"<svg onload=alert(1)>"}`,
    ]);
    expect(json[0]).toEqual([]);
    expect(json[1]).toHaveLength(1);
    expect(json[1]![0]![0]).toBe('body');
    expect(String(json[1]![0]![2])).toMatch(/"q":"<svg onload=alert\(1\)>"}$/);
  });

  it('reads the end from the text before when the body ends on a window edge', () => {
    const [, last] = windows(FORM, 'a=1', [`&q=${'x'.repeat(3000)}%3Cscript%3E`, '']);
    expect(last![0]![0]).toBe('body.form.q');
    expect(String(last![0]![2])).toMatch(/%3Cscript%3E$/);
  });
});
