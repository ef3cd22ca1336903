import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../core/index.js';
import { CSV_HEADER, cefLine, csvRow, jsonLine, toCef, toCsv, toJsonLines } from './audit-export.js';

const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  seq: 7,
  time: Date.UTC(2024, 4, 1, 12, 0, 0, 5),
  actor: 'user:alice',
  action: 'decision.create',
  target: 'manual-1',
  outcome: 'success',
  ip: '192.0.2.1',
  details: { scope: 'ip', value: '198.51.100.9' },
  prevHash: 'a'.repeat(128),
  hash: 'b'.repeat(128),
  ...over,
});

// A minimal RFC 4180 reader: enough to prove the writer's quoting round-trips.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') cell += text[++i];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe('audit export', () => {
  it('writes JSON Lines with every field, one entry a line', () => {
    const entries = [entry(), entry({ seq: 8, details: { note: 'two\nlines' } })];
    const text = toJsonLines(entries);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines.slice(0, 2).map((l) => JSON.parse(l))).toEqual(entries);
    expect(jsonLine(entries[0]!)).toBe(`${lines[0]}\n`);
  });

  it('writes CSV a spreadsheet reads back cell for cell, with formulas made harmless', () => {
    const tricky = entry({
      actor: '=HYPERLINK("http://evil.example","click")',
      target: 'a,b "quoted"\r\nnext line',
      ip: '@SUM(1+1)',
      action: '+cmd',
      details: { x: '-2+3' },
    });
    const text = toCsv([entry(), tricky, entry({ target: '\tTAB', outcome: 'failure', ip: '-1' })]);
    expect(text.startsWith(CSV_HEADER)).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      'seq',
      'time',
      'actor',
      'action',
      'target',
      'outcome',
      'ip',
      'details',
      'prev_hash',
      'hash',
    ]);
    expect(rows[1]).toEqual([
      '7',
      '2024-05-01T12:00:00.005Z',
      'user:alice',
      'decision.create',
      'manual-1',
      'success',
      '192.0.2.1',
      '{"scope":"ip","value":"198.51.100.9"}',
      'a'.repeat(128),
      'b'.repeat(128),
    ]);
    expect(rows[2]!.slice(2, 5)).toEqual([
      `'=HYPERLINK("http://evil.example","click")`,
      "'+cmd",
      'a,b "quoted"\r\nnext line',
    ]);
    expect(rows[2]![6]).toBe("'@SUM(1+1)");
    expect(rows[3]![4]).toBe("'\tTAB");
    expect(rows[3]![6]).toBe("'-1");
    expect(rows).toHaveLength(4);
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(csvRow(entry())).toBe(`${text.split('\r\n')[1]}\r\n`);
  });

  it('writes a tampered time as it is rather than failing', () => {
    expect(parseCsv(CSV_HEADER + csvRow(entry({ time: 'noon' as unknown as number })))[1]![1]).toBe('noon');
  });

  it('writes CEF with the header escaped and the extensions mapped and escaped', () => {
    const line = cefLine(
      entry({
        action: 'config|apply\\x',
        outcome: 'failure',
        actor: 'user:a=b',
        target: 'v\\2',
        details: { note: 'one\ntwo', eq: 'a=b' },
      }),
      '1.2.3',
    );
    expect(line.endsWith('\n')).toBe(true);
    expect(line.split('\n')).toHaveLength(2);
    expect(line).toMatch(
      /^CEF:0\|Infinite Security\|infinisec\|1\.2\.3\|config\\\|apply\\\\x\|config\\\|apply\\\\x\|6\|/,
    );
    const extensions = line.slice(line.indexOf('|6|') + 3, -1);
    expect(extensions).toContain(`rt=${Date.UTC(2024, 4, 1, 12, 0, 0, 5)} `);
    expect(extensions).toContain('suser=user:a\\=b ');
    expect(extensions).toContain('act=config|apply\\\\x ');
    expect(extensions).toContain('outcome=failure ');
    expect(extensions).toContain('src=192.0.2.1 ');
    expect(extensions).toContain('cs1Label=details cs1={"eq":"a\\=b","note":"one\\\\ntwo"} ');
    expect(extensions).toContain(`cs2Label=hash cs2=${'b'.repeat(128)} `);
    expect(extensions).toContain('cs3Label=target cs3=v\\\\2 ');
    expect(extensions.endsWith('cn1Label=seq cn1=7')).toBe(true);
  });

  it('puts an IPv6 source in c6a2, and no source when there is none', () => {
    expect(cefLine(entry({ ip: '2001:db8::1' }), '1')).toContain(
      'c6a2Label=Source IPv6 Address c6a2=2001:db8::1 ',
    );
    expect(cefLine(entry({ ip: '2001:db8::1' }), '1')).not.toContain('src=');
    expect(cefLine(entry({ ip: '' }), '1')).not.toMatch(/ src=| c6a2=/);
    expect(cefLine(entry({ details: { a: 'x\ny' } }), '1')).not.toContain('\ny');
  });

  it('escapes a newline in a CEF header field and a CR in an extension', () => {
    const line = cefLine(entry({ action: 'a\r\nb', actor: 'x\ry' }), '9|9');
    expect(line.split('\n')).toHaveLength(2);
    expect(line).toContain('|9\\|9|a b|a b|3|');
    expect(line).toContain('act=a\\r\\nb');
    expect(line).toContain('suser=x\\ry');
    expect(toCef([entry(), entry()], '1')).toBe(cefLine(entry(), '1').repeat(2));
  });
});
